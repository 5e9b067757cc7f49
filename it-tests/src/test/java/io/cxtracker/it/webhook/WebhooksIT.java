package io.cxtracker.it.webhook;

import static io.cxtracker.it.api.Api.etag;
import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static io.cxtracker.it.api.Api.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.api.RowCounts;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks through the real WildFly, PostgreSQL and Keycloak, to a receiver in this JVM: an alert raised for the
 * program reaches its webhook once, signed over the exact bytes with the secret shown at registration; a receiver
 * that answers 500 gets the same delivery again on the (shortened) schedule until it is dead, every attempt in the
 * log; a lead is refused everything and nothing is written; bad input names every bad field. Each test removes its
 * webhooks, so no delivery of theirs goes on in the background of another class that counts rows.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = Integer.parseInt(System.getProperty("cx.it.webhooks.max-attempts", "3"));

    private final HttpJson admin = Api.admin();
    private final Plan plan = new Plan();
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<Long> registered = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void departments() {
        plan.demoDepartment("support");
    }

    @AfterEach
    void removeWebhooks() {
        for (long id : registered) {
            var current = admin.get("/api/webhooks/" + id);
            if (current.status() == 200) {
                ok(write(admin, "DELETE", "/api/webhooks/" + id, null, etag(current)), 204);
            }
        }
        receiver.close();
    }

    private JsonNode register(long program, String path, String kinds) {
        var reply = admin.post("/api/webhooks", """
                {"programId":%d,"url":"%s","kinds":%s}""".formatted(program, receiver.url(path), kinds));
        JsonNode created = ok(reply, 201);
        registered.add(created.get("id").asLong());
        assertEquals("\"0\"", etag(reply));
        assertTrue(reply.header("Location").endsWith("/api/webhooks/" + created.get("id").asLong()), reply::toString);
        return created;
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private JsonNode deliveries(long webhook) {
        return ok(admin.get("/api/webhooks/" + webhook + "/deliveries?limit=50"), 200);
    }

    @Test
    void anAlertRaisedForTheProgramReachesItsWebhookOnceSignedWithTheSecretShownOnce() throws Exception {
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "MEASURE", "support");
        JsonNode milestone = plan.milestone(initiative, "support", Plan.today().plusDays(3));
        String title = milestone.get("title").asText();
        JsonNode hook = register(program, "/ok", "[\"DUE_SOON\",\"OVERDUE\"]");
        long id = hook.get("id").asLong();
        String secret = hook.get("secret").asText();
        assertTrue(secret.startsWith("whsec_") && secret.length() > 40, hook::toString);
        // never again: not when read, not when listed
        assertFalse(ok(admin.get("/api/webhooks/" + id), 200).has("secret"));
        assertFalse(ok(admin.get("/api/webhooks?program=" + program), 200).get("items").get(0).has("secret"));
        assertEquals(0, Database.count("audit_record WHERE (old_value::text || new_value::text) LIKE '%" + secret + "%'"));

        ok(admin.request("POST", "/api/alerts/evaluations", null), 200);
        List<WebhookReceiver.Received> got = receiver.await(r -> r.text().contains(title), 1, Duration.ofSeconds(30));
        assertEquals(1, got.size(), () -> "the receiver got " + receiver.received(r -> true).size() + " requests");
        WebhookReceiver.Received request = got.getFirst();
        assertEquals(hmac(secret, request.body()), request.header("X-CX-Signature"));
        assertEquals("application/json", request.header("Content-Type"));
        UUID delivery = UUID.fromString(request.header("X-CX-Delivery"));

        JsonNode payload = JSON.readTree(request.body());
        assertEquals("DUE_SOON", payload.get("kind").asText());
        assertTrue(payload.get("text").asText().startsWith("Due soon: " + title), payload::toString);
        assertTrue(payload.get("text").asText().endsWith("/departments/support"), payload::toString);
        assertEquals("milestone", payload.at("/subject/type").asText());
        assertEquals(milestone.get("id").asLong(), payload.at("/subject/id").asLong());
        assertEquals(title, payload.at("/subject/title").asText());
        assertEquals(program, payload.at("/program/id").asLong());
        assertEquals("support", payload.get("department").asText());
        assertEquals(Plan.today().plusDays(3).toString(), payload.get("due").asText());
        assertEquals("NOT_STARTED", payload.get("status").asText());
        assertEquals(delivery.toString(), payload.get("delivery").asText());

        // a second evaluation raises the same alert and writes no second delivery
        ok(admin.request("POST", "/api/alerts/evaluations", null), 200);
        Thread.sleep(3000);
        assertEquals(1, receiver.received(r -> r.text().contains(title)).size());
        assertEquals(1, Database.count("webhook_delivery WHERE webhook_id = " + id));

        JsonNode log = deliveries(id);
        assertEquals(1, log.get("total").asLong(), log::toString);
        JsonNode entry = log.get("items").get(0);
        assertEquals(delivery.toString(), entry.get("deliveryKey").asText());
        assertEquals("DELIVERED", entry.get("state").asText());
        assertEquals(200, entry.at("/attemptLog/0/statusCode").asInt());
        assertFalse(entry.has("nextAttemptAt") && !entry.get("nextAttemptAt").isNull(), entry::toString);
    }

    @Test
    void aReceiverThatAnswers500IsRetriedThenDeadAndTheLogShowsEveryAttempt() throws Exception {
        long program = plan.program();
        JsonNode hook = register(program, "/fail", "[\"OVERDUE\"]");
        long id = hook.get("id").asLong();
        String secret = hook.get("secret").asText();

        JsonNode first = ok(admin.request("POST", "/api/webhooks/" + id + "/tests", null), 200);
        assertEquals("TEST", first.get("kind").asText());
        assertEquals("PENDING", first.get("state").asText(), first::toString);
        assertEquals(500, first.at("/attemptLog/0/statusCode").asInt(), first::toString);
        String key = first.get("deliveryKey").asText();

        List<WebhookReceiver.Received> got = receiver.await(r -> key.equals(r.header("X-CX-Delivery")), MAX_ATTEMPTS,
                Duration.ofSeconds(60));
        assertEquals(MAX_ATTEMPTS, got.size());
        // the same idempotency id and the same signed bytes on every attempt
        Set<String> bodies = got.stream().map(WebhookReceiver.Received::text).collect(Collectors.toSet());
        assertEquals(1, bodies.size());
        for (WebhookReceiver.Received r : got) {
            assertEquals(hmac(secret, r.body()), r.header("X-CX-Signature"));
        }
        JsonNode entry = null;
        for (int i = 0; i < 50 && (entry == null || !entry.get("state").asText().equals("DEAD")); i++) {
            Thread.sleep(200);
            entry = deliveries(id).get("items").get(0);
        }
        assertEquals("DEAD", entry.get("state").asText(), entry::toString);
        assertEquals(MAX_ATTEMPTS, entry.get("attempts").asInt());
        assertEquals(MAX_ATTEMPTS, entry.get("attemptLog").size());
        for (JsonNode attempt : entry.get("attemptLog")) {
            assertEquals(500, attempt.get("statusCode").asInt(), entry::toString);
            assertTrue(attempt.get("durationMillis").asLong() >= 0);
        }
        // dead is dead: no further attempt
        Thread.sleep(3000);
        assertEquals(MAX_ATTEMPTS, receiver.received(r -> key.equals(r.header("X-CX-Delivery"))).size());
    }

    @Test
    void aLeadIsRefusedEveryWebhookCallAndNothingIsWritten() {
        long program = plan.program();
        JsonNode hook = register(program, "/ok", "[\"OVERDUE\"]");
        long id = hook.get("id").asLong();
        HttpJson lead = Api.as("lead-support");
        Map<String, Long> before = RowCounts.now();

        problem(lead.post("/api/webhooks", """
                {"programId":%d,"url":"%s","kinds":["OVERDUE"]}""".formatted(program, receiver.url("/ok"))), 403);
        problem(write(lead, "PUT", "/api/webhooks/" + id, """
                {"url":"%s","kinds":["DUE_SOON"],"enabled":false}""".formatted(receiver.url("/ok")), "\"0\""), 403);
        problem(write(lead, "DELETE", "/api/webhooks/" + id, null, "\"0\""), 403);
        problem(lead.request("POST", "/api/webhooks/" + id + "/tests", null), 403);
        problem(lead.get("/api/webhooks"), 403);
        problem(lead.get("/api/webhooks/" + id), 403);
        problem(lead.get("/api/webhooks/" + id + "/deliveries"), 403);

        assertEquals(before, RowCounts.now());
        assertEquals(0, receiver.received(r -> true).size());
    }

    @Test
    void badInputNamesEveryBadFieldAndAnUpdateNeedsTheCurrentETag() {
        long program = plan.program();
        List<String> bad = problem(admin.post("/api/webhooks", """
                {"url":"ftp://example.com/hook","kinds":["OVERDUE","SOMETIMES"]}"""), 400);
        assertTrue(bad.containsAll(List.of("programId")), bad::toString);
        bad = problem(admin.post("/api/webhooks", """
                {"programId":%d,"url":"https://user:pw@example.com/hook","kinds":["OVERDUE","SOMETIMES"],"enabled":"yes"}"""
                .formatted(program)), 400);
        assertTrue(bad.contains("enabled"), bad::toString);
        bad = problem(admin.post("/api/webhooks", """
                {"programId":%d,"url":"https://user:pw@example.com/hook","kinds":["OVERDUE","SOMETIMES"]}"""
                .formatted(program)), 400);
        assertEquals(Set.of("url", "kinds[1]"), Set.copyOf(bad));
        problem(admin.post("/api/webhooks", """
                {"programId":%d,"url":"https://example.com/hook","kinds":["OVERDUE"]}""".formatted(Long.MAX_VALUE)), 404);

        JsonNode hook = register(program, "/ok", "[\"OVERDUE\"]");
        long id = hook.get("id").asLong();
        String change = """
                {"url":"%s","kinds":["DUE_SOON","OVERDUE"],"enabled":false}""".formatted(receiver.url("/ok"));
        problem(write(admin, "PUT", "/api/webhooks/" + id, change, null), 428);
        problem(write(admin, "PUT", "/api/webhooks/" + id, change, "\"7\""), 412);
        var changed = write(admin, "PUT", "/api/webhooks/" + id, change, "\"0\"");
        JsonNode revised = ok(changed, 200);
        assertEquals("\"1\"", etag(changed));
        assertEquals(List.of("DUE_SOON", "OVERDUE"), List.of(revised.get("kinds").get(0).asText(), revised.get("kinds").get(1).asText()));
        assertFalse(revised.get("enabled").asBoolean());
        assertFalse(revised.has("secret"));
        assertEquals(2, Database.count("audit_record WHERE entity_type = 'webhook' AND entity_id = '" + id + "'"));
        problem(write(admin, "DELETE", "/api/webhooks/" + id, null, "\"0\""), 412);
    }
}
