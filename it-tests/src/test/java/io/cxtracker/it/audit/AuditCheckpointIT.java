package io.cxtracker.it.audit;

import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed audit checkpoints over HTTP: a report carries the checkpoint it was made under, its signature
 * verifies by hand with the published public key, the server verifies it against the current chain, the
 * list is paged and readable by executives, auditors and program admins only. A write's audit record is
 * listed at once and sealed within seconds by the schedule, with no request asking for it.
 */
@ExtendWith(ArquillianExtension.class)
class AuditCheckpointIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpJson admin = Api.admin();
    private final HttpJson auditor = Api.as("auditor");

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void aReportCarriesASignedCheckpointThatVerifiesByHandAndOnTheServer() throws Exception {
        String code = Plan.unique("anchor");
        ok(admin.post("/api/departments", "{\"code\":\"" + code + "\",\"name\":\"Anchored\"}"), 201);
        JsonNode report = ok(auditor.get("/api/reports/accountability?format=json&department=" + code), 200);
        JsonNode checkpoint = report.at("/report/auditCheckpoint");
        assertTrue(checkpoint.isObject(), report.get("report")::toString);
        long seq = checkpoint.get("seq").asLong();
        String hash = checkpoint.get("hash").asText();
        String signedAt = checkpoint.get("signedAt").asText();
        // the checkpoint was made after the department's audit record was sealed: the head is at or past it
        JsonNode record = ok(auditor.get("/api/audit?entity=department&entityId=" + code), 200).at("/items/0");
        assertTrue(record.get("sealed").asBoolean(), record::toString);
        assertTrue(record.get("chainSeq").asLong() <= seq, record + " vs " + checkpoint);

        // by hand: the signed text rebuilt from the report, the public key from the server
        JsonNode key = ok(auditor.get("/api/audit/checkpoints/signing-key"), 200);
        assertEquals(checkpoint.get("keyFingerprint").asText(), key.get("keyFingerprint").asText());
        String pem = key.get("publicKeyPem").asText();
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(publicKey);
        ed25519.update(("cx-audit-checkpoint:v1:" + seq + ":" + hash + ":" + signedAt).getBytes(StandardCharsets.UTF_8));
        assertTrue(ed25519.verify(Base64.getDecoder().decode(checkpoint.get("signature").asText())));

        // on the server: the current chain still contains that head
        JsonNode verified = ok(auditor.post("/api/audit/checkpoints/verify", checkpoint.toString()), 200);
        assertTrue(verified.get("valid").asBoolean(), verified::toString);
        assertEquals(hash, verified.get("chainHash").asText());
        JsonNode stored = ok(auditor.get("/api/audit/checkpoints/" + checkpoint.get("id").asLong()), 200);
        assertEquals("report", stored.get("reason").asText());
        assertEquals("auditor", stored.get("createdBy").asText());
        assertTrue(ok(auditor.get("/api/audit/checkpoints/" + stored.get("id").asLong() + "/verify"), 200).get("valid").asBoolean());

        // a signature over another head is refused
        ObjectNode forged = (ObjectNode) checkpoint.deepCopy();
        forged.put("seq", seq + 1);
        JsonNode refused = ok(auditor.post("/api/audit/checkpoints/verify", forged.toString()), 200);
        assertFalse(refused.get("valid").asBoolean());
        assertFalse(refused.get("signatureValid").asBoolean(), refused::toString);
    }

    @Test
    void aWritesRecordIsListedAtOnceAndSealedByTheScheduleWithinSeconds() throws InterruptedException {
        String code = Plan.unique("sealed");
        ok(admin.post("/api/departments", "{\"code\":\"" + code + "\",\"name\":\"Sealed\"}"), 201);
        JsonNode record = ok(auditor.get("/api/audit?entity=department&entityId=" + code), 200).at("/items/0");
        assertEquals(code, record.get("entityId").asText(), "listed right after the write");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!record.get("sealed").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            record = ok(auditor.get("/api/audit?entity=department&entityId=" + code), 200).at("/items/0");
        }
        assertTrue(record.get("sealed").asBoolean(), "sealed by the schedule: " + record);
        assertTrue(record.get("hash").asText().matches("[0-9a-f]{64}"), record::toString);
    }

    @Test
    void checkpointsArePagedNewestFirstAndReadOnlyByAuditReaders() {
        assertEquals(200, auditor.get("/api/reports/accountability?format=csv").status());
        assertEquals(200, auditor.get("/api/reports/accountability?format=csv").status());
        JsonNode page = ok(auditor.get("/api/audit/checkpoints?limit=2"), 200);
        assertEquals(2, page.get("items").size());
        assertTrue(page.get("total").asLong() >= 2);
        long newest = page.at("/items/0/id").asLong();
        assertTrue(newest > page.at("/items/1/id").asLong(), page::toString);
        JsonNode ascending = ok(auditor.get("/api/audit/checkpoints?limit=1&sort=id"), 200);
        assertTrue(ascending.at("/items/0/id").asLong() < newest);
        for (String reader : List.of("exec", "admin")) {
            ok(Api.as(reader).get("/api/audit/checkpoints"), 200);
        }
        for (String other : List.of("lead-support", "visitor", "cxtracker-ingest")) {
            assertEquals(403, Api.as(other).get("/api/audit/checkpoints").status(), other);
            assertEquals(403, Api.as(other).get("/api/audit/checkpoints/signing-key").status(), other);
            assertEquals(403, Api.as(other).get("/api/audit/checkpoints/" + newest + "/verify").status(), other);
        }
        assertEquals(401, HttpJson.forBaseUrl().get("/api/audit/checkpoints").status());
        assertEquals(404, auditor.get("/api/audit/checkpoints/999999999").status());
        assertEquals(List.of("id"), Api.problem(auditor.get("/api/audit/checkpoints/abc"), 400));
        assertEquals(List.of("limit", "offset"), Api.problem(auditor.get("/api/audit/checkpoints?limit=0&offset=-1"), 400)
                .stream().sorted().toList());
        assertEquals(List.of("hash", "seq", "signature", "signedAt"), Api.problem(auditor.post(
                "/api/audit/checkpoints/verify", "{\"seq\":-1,\"hash\":\"zz\",\"signedAt\":\"yesterday\",\"signature\":\"!\"}"), 400)
                .stream().sorted().toList());
    }
}
