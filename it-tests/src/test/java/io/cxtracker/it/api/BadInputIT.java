package io.cxtracker.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and malformed requests against every write operation of the API (the test checks its list against the
 * write operations /openapi publishes) and the read endpoints: every field of every write given wrong types, nulls,
 * huge and non-finite numbers, huge strings, NUL characters, unknown enum values, unknown fields, duplicate keys,
 * deep nesting and NaN; bodies that are not JSON (or CSV), not an object, empty, truncated, too large or in another
 * content type; If-Match headers and path parameters that are absurd; query parameters out of range.
 *
 * <p>Each write operation is first sent its valid request, which must succeed (2xx): so every mutation of it is
 * known to reach the endpoint's validation rather than fail on something else (a missing department, a stale
 * ETag). Then every mutation must get exactly the status its kind calls for — 400 (invalid input or malformed
 * body), 413 (body over the limit), 415 (content type), 422 (a CSV file with bad rows), 428/412/404 for a DELETE's
 * If-Match and path, or, for a bulk batch of bad items, 200 with every item rejected — as an
 * {@code application/problem+json} document, and must leave every table's row count as it was (RowCounts: every
 * table of the schema). Not one request may get a 5xx. The numbers are printed and written to
 * target/bad-input-summary.txt.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "@@raw@@";
    private static final String HUGE_TEXT = "x".repeat(200_000);
    private static final String DEEP = "[".repeat(20_000) + "]".repeat(20_000);
    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");
    /** A bulk batch whose items are all bad: 200, and the report accepts none (nor matches any as a duplicate). */
    static final int REJECTED_ITEMS = -200;
    /** A read: any 4xx problem (or 2xx) will do, only a 5xx fails. */
    static final int ANY_NON_5XX = -1;

    static final String BOARD_PACK = "POST /api/programs/{id}/board-packs";

    /** Not bad input after all: the mutation is a value the endpoint rightly accepts (its case is left out). */
    static final int VALID = -2;
    /**
     * Mutations whose answer is not their kind's, each for its reason (operation, then field=value as the case
     * names it).
     */
    private static final Map<String, Integer> EXCEPTIONS = Map.of(
            // an id that names nothing is not found, whatever its sign
            "POST /api/initiatives programId=-1", 404,
            "POST /api/milestones initiativeId=-1", 404,
            "POST /api/webhooks programId=-1", 404,
            // -1 is the most negative sentiment there is
            "POST /api/feedback sentiment=-1", VALID,
            // a blank state is no state (CommitmentService): PROPOSED on create, unchanged on a revision
            "POST /api/commitments state=\"\"", VALID,
            "PUT /api/commitments/{id} state=\"\"", VALID,
            "PUT /api/commitments/{id} state=null", VALID,
            // a CSV row without a key gets one from its content (the import's rule)
            "POST /api/imports/survey-responses idempotencyKey=", VALID);
    /** Strings the JSON reader refuses for the whole request, in a batch too (a NUL, half a surrogate pair). */
    private static final Set<String> UNREADABLE_TEXT = Set.of(json("a\u0000b"), "\"a\\ud800b\"");

    private final HttpJson admin = Api.admin();
    private final Plan plan = new Plan();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    /** One request, and the status it must get. */
    record Case(String name, String method, String path, String contentType, byte[] body, String ifMatch, int expect) {
        boolean write() {
            return expect != ANY_NON_5XX;
        }
    }

    /** Where a write acts: its path and If-Match (null for none). */
    record Target(String path, String ifMatch) {
    }

    /** How the endpoint reads its body: one JSON object, a JSON array of items, a CSV file, any bytes, nothing. */
    enum Body { JSON, BATCH, CSV, BYTES, NONE }

    /**
     * A write operation (as /openapi names it) with a valid request, the kind of each field (top-level JSON
     * field, each item's field for a batch, each column for a CSV) and the fields that may be left out.
     * {@code target} gives where it acts; {@code consumes}: its valid request uses that up (a decided request,
     * an unlink), so the mutations get a fresh target of their own.
     */
    record Endpoint(String operation, String method, Supplier<Target> target, boolean consumes, Body body, String contentType,
                    String validBody, Map<String, Kind> fields, Set<String> optional) {
    }

    /** IDS: a list of ids (numbers); LIST: a list of texts. */
    enum Kind { TEXT, WHOLE, DECIMAL, DATE, ENUM, LIST, IDS, MAP, OBJECT }

    @Test
    void everyWriteOperationIsCovered() {
        var openapi = HttpJson.forBaseUrl().get("/openapi?format=JSON");
        assertEquals(200, openapi.status(), openapi::toString);
        Set<String> published = new TreeSet<>();
        openapi.json().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (WRITE_METHODS.contains(op.getKey())) {
                published.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        Set<String> covered = new TreeSet<>();
        endpoints().forEach(e -> covered.add(e.operation()));
        assertEquals(published, covered, "every write operation in /openapi needs its bad input here");
    }

    @Test
    void noHostileRequestGetsA5xxAndEveryRefusalHasItsStatusAndLeavesNoRow() throws IOException {
        List<String> failures = new ArrayList<>();
        int serverErrors = 0;
        int cases = 0;
        Map<String, Integer> byStatus = new TreeMap<>();
        for (Endpoint endpoint : endpoints()) {
            Target target = endpoint.target().get();
            HttpJson.Reply valid = send(endpoint, target.path(), endpoint.contentType(), bytes(endpoint.validBody()), target.ifMatch());
            if (valid.status() / 100 != 2) {
                failures.add(endpoint.operation() + ": its valid request was refused, so its mutations prove nothing: "
                        + valid.status() + " " + abbreviated(valid.body()));
                continue;
            }
            if (endpoint.consumes()) {
                target = endpoint.target().get();
            } else if (valid.header("ETag") != null && target.ifMatch() != null) {
                target = new Target(target.path(), valid.header("ETag"));
            }
            Map<String, Long> counts = RowCounts.now();
            for (Case c : cases(endpoint, target)) {
                cases++;
                HttpJson.Reply reply = Api.raw(admin, c.method(), c.path(), c.contentType(), c.body(), c.ifMatch());
                byStatus.merge(c.expect() == REJECTED_ITEMS ? "200 rejected" : Integer.toString(c.expect()), 1, Integer::sum);
                if (reply.status() >= 500) {
                    serverErrors++;
                }
                String wrong = judge(c, reply);
                if (wrong != null) {
                    failures.add(c.name() + ": " + wrong);
                }
                Map<String, Long> now = RowCounts.now();
                if (!now.equals(counts)) {
                    failures.add(c.name() + " changed row counts: " + changes(counts, now));
                    counts = now;
                }
            }
        }
        for (Case c : readMutations()) {
            cases++;
            HttpJson.Reply reply = Api.raw(admin, c.method(), c.path(), c.contentType(), c.body(), c.ifMatch());
            byStatus.merge("read", 1, Integer::sum);
            if (reply.status() >= 500) {
                serverErrors++;
            }
            String wrong = judge(c, reply);
            if (wrong != null) {
                failures.add(c.name() + ": " + wrong);
            }
        }
        String summary = "bad-input cases: " + cases + " (" + byStatus + "), answered 5xx: " + serverErrors
                + ", not as expected: " + failures.size();
        System.out.println(summary);
        Path target = Path.of(System.getProperty("cx.it.work", "target/it-work")).getParent().resolve("bad-input-summary.txt");
        Files.writeString(target, summary + System.lineSeparator() + String.join(System.lineSeparator(), failures));
        assertTrue(cases >= 500, "only " + cases + " cases");
        assertEquals(List.of(), failures, summary);
    }

    /** Null if the reply is what the case expects, else what is wrong with it. */
    private static String judge(Case c, HttpJson.Reply reply) {
        int status = reply.status();
        if (status >= 500) {
            return status + " " + abbreviated(reply.body());
        }
        if (c.expect() == REJECTED_ITEMS) {
            if (status != 200) {
                return "expected 200 with every item rejected, got " + status + " " + abbreviated(reply.body());
            }
            JsonNode report = reply.json();
            if (report.path("accepted").asInt(-1) != 0 || report.path("duplicates").asInt(0) != 0) {
                return "stored or matched items: " + abbreviated(reply.body());
            }
            return null;
        }
        if (c.expect() != ANY_NON_5XX && status != c.expect()) {
            return "expected " + c.expect() + ", got " + status + " " + abbreviated(reply.body());
        }
        if (status >= 400 && !"application/problem+json".equals(reply.header("Content-Type"))) {
            return status + " without a problem document: " + reply.header("Content-Type");
        }
        return null;
    }

    private static String changes(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changed.put(table, before.get(table) + " → " + count);
            }
        });
        return changed.toString();
    }

    private HttpJson.Reply send(Endpoint endpoint, String path, String contentType, byte[] body, String ifMatch) {
        return Api.raw(admin, endpoint.method(), path, endpoint.body() == Body.NONE ? null : contentType,
                endpoint.body() == Body.NONE ? null : body, ifMatch);
    }

    private List<Case> cases(Endpoint endpoint, Target target) {
        List<Case> cases = new ArrayList<>();
        switch (endpoint.body()) {
            case JSON, BATCH -> {
                fieldMutations(endpoint, target, cases);
                bodyMutations(endpoint, target, cases);
            }
            case CSV -> csvMutations(endpoint, target, cases);
            case BYTES -> byteMutations(endpoint, target, cases);
            case NONE -> {
            }
        }
        if (endpoint.operation().equals(BOARD_PACK)) {
            boardPackMutations(endpoint, target, cases);
        }
        if (target.ifMatch() != null) {
            envelopeMutations(endpoint, target, cases);
        }
        return cases;
    }

    private List<Endpoint> endpoints() {
        String department = plan.department("bad");
        String other = plan.department("bad");
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "MEASURE", department);
        long milestone = plan.milestone(initiative, department, Plan.today().plusDays(30)).get("id").asLong();
        String metric = plan.metric("RATIO", "LOWER_IS_BETTER", department);
        long target = plan.target(metric, department, 20, 10, Plan.today().plusDays(90), 1).get("id").asLong();
        String due = Plan.today().plusDays(40).toString();
        String day = Plan.today().minusDays(1).toString();
        String theme = Plan.unique("bad");
        Api.ok(admin.post("/api/feedback", """
                [{"channel":"CALL","text":"Slow","sentiment":-0.5,"themes":["%s"],"departmentCode":"%s",
                  "receivedAt":"%sT09:00:00Z","idempotencyKey":"%s"}]""".formatted(theme, department, day, theme)), 200);
        long commitment = Api.ok(admin.post("/api/commitments", """
                {"theme":"%s","title":"Answer the calls","ownerDepartment":"%s","due":"%s"}""".formatted(theme, department, due)),
                201).get("id").asLong();
        plan.demoDepartment("support");
        // survey answers of kind NPS feed the metric 'nps'
        plan.surveyMetric("nps");
        long supportInitiative = plan.initiative(program, 1, "MEASURE", "support");

        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(json("POST /api/departments", "POST", "/api/departments", """
                {"code":"%s","name":"Bad input","parentCode":"%s"}""".formatted(Plan.unique("never"), department),
                fields("code", Kind.TEXT, "name", Kind.TEXT, "parentCode", Kind.TEXT), Set.of("parentCode")));
        endpoints.add(json("POST /api/programs", "POST", "/api/programs", """
                {"name":"Bad %s","startDate":"2026-01-01","phases":[{"name":"One","start":"2026-01-01","end":"2026-12-31"}]}"""
                .formatted(Plan.unique("p")), fields("name", Kind.TEXT, "startDate", Kind.DATE, "phases", Kind.LIST), Set.of("phases")));
        endpoints.add(json("POST /api/programs/{id}/reviews", "POST", "/api/programs/" + program + "/reviews",
                "{\"note\":\"quarterly board\"}", fields("note", Kind.TEXT), Set.of("note")));
        endpoints.add(json("PUT /api/programs/{id}", "PUT", fixed("/api/programs/" + program, "\"0\""), "{\"name\":\"Renamed\"}",
                fields("name", Kind.TEXT), Set.of()));
        endpoints.add(json("POST /api/initiatives", "POST", "/api/initiatives", """
                {"programId":%d,"phaseNumber":1,"pillar":"LISTEN","title":"t","description":"d","accountableDepartment":"%s",
                 "raci":{"%s":"CONSULTED"}}""".formatted(program, department, other),
                fields("programId", Kind.WHOLE, "phaseNumber", Kind.WHOLE, "pillar", Kind.ENUM, "title", Kind.TEXT,
                        "description", Kind.TEXT, "accountableDepartment", Kind.TEXT, "raci", Kind.MAP), Set.of("description", "raci")));
        endpoints.add(json("PUT /api/initiatives/{id}", "PUT", fixed("/api/initiatives/" + initiative, "\"0\""), """
                {"phaseNumber":2,"pillar":"CHANGE","title":"t2","description":"d2"}""",
                fields("phaseNumber", Kind.WHOLE, "pillar", Kind.ENUM, "title", Kind.TEXT, "description", Kind.TEXT),
                Set.of("description")));
        endpoints.add(json("PUT /api/initiatives/{id}/raci/{department}", "PUT",
                () -> new Target("/api/initiatives/" + initiative + "/raci/" + other, etag("/api/initiatives/" + initiative)),
                "{\"role\":\"INFORMED\"}", fields("role", Kind.ENUM), Set.of()));
        endpoints.add(json("POST /api/milestones", "POST", "/api/milestones", """
                {"initiativeId":%d,"title":"t","description":"d","ownerDepartment":"%s","ownerPerson":"p","due":"%s",
                 "evidence":["https://example.com/e"],"weight":2}""".formatted(initiative, department, due),
                fields("initiativeId", Kind.WHOLE, "title", Kind.TEXT, "description", Kind.TEXT, "ownerDepartment", Kind.TEXT,
                        "ownerPerson", Kind.TEXT, "due", Kind.DATE, "evidence", Kind.LIST, "weight", Kind.DECIMAL),
                Set.of("description", "evidence", "weight")));
        endpoints.add(json("PUT /api/milestones/{id}", "PUT", () -> new Target("/api/milestones/" + milestone, etag("/api/milestones/" + milestone)), """
                {"title":"t","description":"d","ownerDepartment":"%s","ownerPerson":"p","due":"%s",
                 "evidence":["https://example.com/e"],"weight":2}""".formatted(department, due),
                fields("title", Kind.TEXT, "description", Kind.TEXT, "ownerDepartment", Kind.TEXT, "ownerPerson", Kind.TEXT,
                        "due", Kind.DATE, "evidence", Kind.LIST, "weight", Kind.DECIMAL), Set.of("description", "evidence", "weight")));
        endpoints.add(json("POST /api/milestones/{id}/check-ins", "POST",
                () -> new Target("/api/milestones/" + milestone + "/check-ins", etag("/api/milestones/" + milestone)), """
                {"status":"IN_PROGRESS","progress":50,"comment":"c","evidence":["https://example.com/e"]}""",
                fields("status", Kind.ENUM, "progress", Kind.WHOLE, "comment", Kind.TEXT, "evidence", Kind.LIST),
                Set.of("comment", "evidence")));
        endpoints.add(json("POST /api/milestones/{id}/override", "POST",
                () -> new Target("/api/milestones/" + milestone + "/override", etag("/api/milestones/" + milestone)), """
                {"status":"AT_RISK","reason":"r"}""", fields("status", Kind.ENUM, "reason", Kind.TEXT), Set.of()));
        // the valid request clears the override the target set up; the mutations act on another milestone's override
        endpoints.add(new Endpoint("DELETE /api/milestones/{id}/override", "DELETE", () -> {
            long m = plan.milestone(initiative, department, Plan.today().plusDays(30)).get("id").asLong();
            HttpJson.Reply set = Api.write(admin, "POST", "/api/milestones/" + m + "/override", "{\"status\":\"AT_RISK\",\"reason\":\"r\"}",
                    etag("/api/milestones/" + m));
            Api.ok(set, 200);
            return new Target("/api/milestones/" + m + "/override", Api.etag(set));
        }, true, Body.NONE, null, null, Map.of(), Set.of()));
        endpoints.add(json("POST /api/milestones/{id}/targets", "POST",
                () -> new Target("/api/milestones/" + milestone + "/targets", etag("/api/milestones/" + milestone)),
                "{\"targetId\":" + target + "}", fields("targetId", Kind.WHOLE), Set.of()));
        endpoints.add(new Endpoint("DELETE /api/milestones/{id}/targets/{targetId}", "DELETE", () -> {
            long m = plan.milestone(initiative, department, Plan.today().plusDays(30)).get("id").asLong();
            HttpJson.Reply linked = Api.write(admin, "POST", "/api/milestones/" + m + "/targets", "{\"targetId\":" + target + "}",
                    etag("/api/milestones/" + m));
            Api.ok(linked, 200);
            return new Target("/api/milestones/" + m + "/targets/" + target, Api.etag(linked));
        }, true, Body.NONE, null, null, Map.of(), Set.of()));
        // the caller's own alert preferences: the kinds are checked by the domain, every bad entry named
        endpoints.add(json("PUT /api/alert-preferences", "PUT", "/api/alert-preferences", """
                {"preferences":[{"kind":"OVERDUE","channel":"EMAIL","frequency":"DAILY"}]}""",
                fields("preferences", Kind.LIST), Set.of()));
        // an alert of the admin's own inbox: a support lead's override request waits for the admin's approval
        endpoints.add(new Endpoint("POST /api/alerts/{id}/read", "POST", () -> {
            long m = plan.milestone(supportInitiative, "support", Plan.today().plusDays(30)).get("id").asLong();
            Api.ok(Api.write(Api.as("lead-support"), "POST", "/api/milestones/" + m + "/override",
                    "{\"status\":\"AT_RISK\",\"reason\":\"bad input alert\"}", etag("/api/milestones/" + m)), 202);
            long alert = Api.ok(admin.get("/api/alerts?limit=1"), 200).get("items").get(0).get("id").asLong();
            return new Target("/api/alerts/" + alert + "/read", null);
        }, false, Body.NONE, null, null, Map.of(), Set.of()));
        endpoints.add(new Endpoint("POST /api/alerts/evaluations", "POST", fixed("/api/alerts/evaluations", null), false,
                Body.NONE, null, null, Map.of(), Set.of()));
        // webhooks: switched off and pointed at a port nobody listens on, so nothing is sent in the background of the
        // row counts (a disabled webhook gets no alert deliveries, and a failed test is not retried while it is off)
        String hookUrl = "http://127.0.0.1:9/bad-input";
        long webhook = Api.ok(admin.post("/api/webhooks", """
                {"programId":%d,"url":"%s","kinds":["OVERDUE"],"enabled":false}""".formatted(program, hookUrl)), 201)
                .get("id").asLong();
        endpoints.add(json("POST /api/webhooks", "POST", "/api/webhooks", """
                {"programId":%d,"url":"%s","kinds":["OVERDUE","DUE_SOON"],"enabled":false}""".formatted(program, hookUrl),
                fields("programId", Kind.WHOLE, "url", Kind.TEXT, "kinds", Kind.LIST), Set.of()));
        endpoints.add(json("PUT /api/webhooks/{id}", "PUT", () -> new Target("/api/webhooks/" + webhook,
                etag("/api/webhooks/" + webhook)), """
                {"url":"%s","kinds":["DUE_SOON"],"enabled":false}""".formatted(hookUrl),
                fields("url", Kind.TEXT, "kinds", Kind.LIST), Set.of()));
        endpoints.add(new Endpoint("DELETE /api/webhooks/{id}", "DELETE", () -> {
            HttpJson.Reply made = admin.post("/api/webhooks", """
                    {"programId":%d,"url":"%s","kinds":["OVERDUE"],"enabled":false}""".formatted(program, hookUrl));
            return new Target("/api/webhooks/" + Api.ok(made, 201).get("id").asLong(), Api.etag(made));
        }, true, Body.NONE, null, null, Map.of(), Set.of()));
        endpoints.add(new Endpoint("POST /api/webhooks/{id}/tests", "POST", fixed("/api/webhooks/" + webhook + "/tests", null),
                false, Body.NONE, null, null, Map.of(), Set.of()));
        for (String decision : List.of("approval", "rejection")) {
            // a support lead's pending request, decided by the valid request; the mutations get a fresh one
            endpoints.add(json("POST /api/override-requests/{id}/" + decision, "POST", () -> {
                long m = plan.milestone(supportInitiative, "support", Plan.today().plusDays(30)).get("id").asLong();
                HttpJson.Reply requested = Api.write(Api.as("lead-support"), "POST", "/api/milestones/" + m + "/override",
                        "{\"status\":\"AT_RISK\",\"reason\":\"bad input\"}", etag("/api/milestones/" + m));
                long request = Api.ok(requested, 202).get("id").asLong();
                return new Target("/api/override-requests/" + request + "/" + decision, Api.etag(requested));
            }, true, "{\"reason\":\"r\"}", fields("reason", Kind.TEXT), decision.equals("approval") ? Set.of("reason") : Set.of()));
        }
        endpoints.add(json("POST /api/metrics", "POST", "/api/metrics", """
                {"key":"%s","name":"n","unit":"%%","kind":"RATIO","direction":"LOWER_IS_BETTER","ownerDepartment":"%s",
                 "expectedFrequency":"DAILY"}""".formatted(Plan.unique("never"), department),
                fields("key", Kind.TEXT, "name", Kind.TEXT, "unit", Kind.TEXT, "kind", Kind.ENUM, "direction", Kind.ENUM,
                        "ownerDepartment", Kind.TEXT, "expectedFrequency", Kind.ENUM), Set.of()));
        endpoints.add(json("POST /api/targets", "POST", "/api/targets", """
                {"metricKey":"%s","departmentCode":"%s","baseline":20,"targetValue":10,"due":"%s","amberTolerance":1,"windowDays":30}"""
                .formatted(metric, department, due),
                fields("metricKey", Kind.TEXT, "departmentCode", Kind.TEXT, "baseline", Kind.DECIMAL, "targetValue", Kind.DECIMAL,
                        "due", Kind.DATE, "amberTolerance", Kind.DECIMAL, "windowDays", Kind.WHOLE),
                Set.of("departmentCode", "amberTolerance", "windowDays")));
        endpoints.add(json("PUT /api/targets/{id}", "PUT", () -> new Target("/api/targets/" + target, etag("/api/targets/" + target)), """
                {"baseline":20,"targetValue":9,"due":"%s","amberTolerance":1,"windowDays":30}""".formatted(due),
                fields("baseline", Kind.DECIMAL, "targetValue", Kind.DECIMAL, "due", Kind.DATE, "amberTolerance", Kind.DECIMAL,
                        "windowDays", Kind.WHOLE), Set.of("amberTolerance", "windowDays")));
        endpoints.add(batch("POST /api/metrics/{key}/readings", "/api/metrics/" + metric + "/readings", """
                [{"day":"%s","departmentCode":"%s","channel":"phone","source":"bi","idempotencyKey":"%s",
                  "statistics":{"numerator":1,"denominator":2}}]""".formatted(day, department, Plan.unique("valid")),
                fields("day", Kind.DATE, "departmentCode", Kind.TEXT, "channel", Kind.TEXT, "source", Kind.TEXT,
                        "idempotencyKey", Kind.TEXT, "statistics", Kind.OBJECT),
                Set.of("departmentCode", "channel", "source")));
        endpoints.add(batch("POST /api/feedback", "/api/feedback", """
                [{"channel":"CHAT","text":"Bad input","sentiment":0.2,"themes":["%s"],"departmentCode":"%s",
                  "receivedAt":"%sT10:00:00Z","source":"it-bad","idempotencyKey":"%s"}]"""
                .formatted(theme, department, day, Plan.unique("valid")),
                fields("channel", Kind.ENUM, "text", Kind.TEXT, "sentiment", Kind.DECIMAL, "themes", Kind.LIST,
                        "departmentCode", Kind.TEXT, "receivedAt", Kind.DATE, "source", Kind.TEXT, "idempotencyKey", Kind.TEXT),
                Set.of("themes", "departmentCode", "source")));
        endpoints.add(batch("POST /api/survey-responses", "/api/survey-responses", """
                [{"kind":"NPS","score":9,"answeredAt":"%sT10:00:00Z","channel":"chat","departmentCode":"%s","comment":"ok",
                  "source":"it-bad","idempotencyKey":"%s"}]""".formatted(day, department, Plan.unique("valid")),
                fields("kind", Kind.ENUM, "score", Kind.WHOLE, "answeredAt", Kind.DATE, "channel", Kind.TEXT,
                        "departmentCode", Kind.TEXT, "comment", Kind.TEXT, "source", Kind.TEXT, "idempotencyKey", Kind.TEXT),
                Set.of("channel", "departmentCode", "comment", "source")));
        endpoints.add(json("POST /api/commitments", "POST", "/api/commitments", """
                {"theme":"%s","title":"Call back within a day","description":"d","ownerDepartment":"%s","due":"%s"}"""
                .formatted(theme, department, due),
                fields("theme", Kind.TEXT, "title", Kind.TEXT, "description", Kind.TEXT, "ownerDepartment", Kind.TEXT, "due", Kind.DATE,
                        "milestoneIds", Kind.IDS, "state", Kind.ENUM), Set.of("description", "milestoneIds", "state")));
        endpoints.add(json("PUT /api/commitments/{id}", "PUT",
                () -> new Target("/api/commitments/" + commitment, etag("/api/commitments/" + commitment)), """
                {"theme":"%s","title":"Answer the calls","ownerDepartment":"%s","due":"%s","state":"COMMITTED"}"""
                .formatted(theme, department, due),
                fields("theme", Kind.TEXT, "title", Kind.TEXT, "ownerDepartment", Kind.TEXT, "due", Kind.DATE, "state", Kind.ENUM),
                Set.of()));
        endpoints.add(json("POST /api/assessments", "POST", "/api/assessments", """
                {"departmentCode":"%s","assessedOn":"%s","answers":{"listens":2,"measures":3,"acts":1,"closes-loop":2,
                 "owns-moments":4,"empathy":0},"notes":"n"}""".formatted(department, day),
                fields("departmentCode", Kind.TEXT, "assessedOn", Kind.DATE, "answers", Kind.MAP, "notes", Kind.TEXT), Set.of("notes")));
        endpoints.add(new Endpoint("POST /api/imports/readings", "POST", fixed("/api/imports/readings?value.metricKey=" + metric
                + "&value.departmentCode=" + department, null), false, Body.CSV, "text/csv",
                "day,numerator,denominator\n" + Plan.today().minusDays(2) + ",3,4\n",
                fields("day", Kind.DATE, "numerator", Kind.WHOLE, "denominator", Kind.WHOLE), Set.of()));
        endpoints.add(new Endpoint("POST /api/imports/survey-responses", "POST", fixed("/api/imports/survey-responses?value.source=it-bad",
                null), false, Body.CSV, "text/csv", "kind,score,answeredAt,idempotencyKey\nNPS,7," + day + "T11:00:00Z,"
                + Plan.unique("valid") + "\n",
                fields("kind", Kind.ENUM, "score", Kind.WHOLE, "answeredAt", Kind.DATE, "idempotencyKey", Kind.TEXT), Set.of()));
        endpoints.add(json("POST /api/audit/checkpoints/verify", "POST", "/api/audit/checkpoints/verify", checkpoint(),
                fields("seq", Kind.WHOLE, "hash", Kind.TEXT, "signedAt", Kind.DATE, "signature", Kind.TEXT), Set.of()));
        endpoints.add(new Endpoint("POST /api/reports/verify", "POST", fixed("/api/reports/verify", null), false, Body.BYTES,
                "application/pdf", "%PDF-1.7 not really a report", Map.of(), Set.of()));
        endpoints.add(new Endpoint("POST /api/board-packs/verify", "POST", fixed("/api/board-packs/verify", null), false,
                Body.BYTES, "application/pdf", "%PDF-1.7 not really a board pack", Map.of(), Set.of()));
        endpoints.add(new Endpoint(BOARD_PACK, "POST", fixed("/api/programs/" + program + "/board-packs?format=pdf", null),
                false, Body.NONE, null, null, Map.of(), Set.of()));
        return endpoints;
    }

    private static Endpoint json(String operation, String method, String path, String valid, Map<String, Kind> fields,
                                 Set<String> optional) {
        return json(operation, method, fixed(path, null), valid, fields, optional);
    }

    private static Endpoint json(String operation, String method, Supplier<Target> target, String valid, Map<String, Kind> fields,
                                 Set<String> optional) {
        return new Endpoint(operation, method, target, false, Body.JSON, "application/json", valid, fields, optional);
    }

    private static Endpoint json(String operation, String method, Supplier<Target> target, boolean consumes, String valid,
                                 Map<String, Kind> fields, Set<String> optional) {
        return new Endpoint(operation, method, target, consumes, Body.JSON, "application/json", valid, fields, optional);
    }

    private static Endpoint batch(String operation, String path, String valid, Map<String, Kind> fields, Set<String> optional) {
        return new Endpoint(operation, "POST", fixed(path, null), false, Body.BATCH, "application/json", valid, fields, optional);
    }

    private static Supplier<Target> fixed(String path, String ifMatch) {
        return () -> new Target(path, ifMatch);
    }

    /** The current ETag of a resource, read as the program admin. */
    private String etag(String path) {
        return Api.etag(admin.get(path));
    }

    /** The newest signed checkpoint as the checkpoint list gives it (the sealer signs one shortly after start-up). */
    private String checkpoint() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode list = Api.ok(admin.get("/api/audit/checkpoints"), 200);
            JsonNode items = list.isArray() ? list : list.path("items");
            if (items.size() > 0) {
                ObjectNode first = (ObjectNode) items.get(0).deepCopy();
                ObjectNode claim = JSON.createObjectNode();
                for (String field : List.of("seq", "hash", "signedAt", "signature")) {
                    claim.set(field, first.get(field));
                }
                return claim.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no audit checkpoint was signed within 60 s: " + list);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<String, Kind> fields(Object... pairs) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return fields;
    }


    /** Every field of the endpoint's valid body replaced by values it can never accept. */
    private void fieldMutations(Endpoint endpoint, Target target, List<Case> cases) {
        int invalid = endpoint.body() == Body.BATCH ? REJECTED_ITEMS : 400;
        for (Map.Entry<String, Kind> field : endpoint.fields().entrySet()) {
            List<String> bad = new ArrayList<>(switch (field.getValue()) {
                case TEXT -> List.of("42", "true", "{}", "[\"a\"]", json(HUGE_TEXT), json("a\u0000b"), "-1e400",
                        "\"a\\ud800b\"");
                case WHOLE -> List.of("\"12\"", "true", "{}", "[]", "1.5", "99999999999999999999999", "-99999999999999999999",
                        "1e400", "\"NaN\"", "-1");
                case DECIMAL -> List.of("\"12\"", "false", "{}", "[]", "1e400", "-1e400", "\"NaN\"", "\"Infinity\"", "-1");
                case DATE -> List.of("20260101", "\"2026-02-30\"", "\"yesterday\"", "\"2026-1-1\"", "{}", "[]", json(HUGE_TEXT));
                case ENUM -> List.of("\"NOT_A_VALUE\"", "\"listen\"", "0", "\"\"", "{}", "[]", json(HUGE_TEXT));
                case LIST -> List.of("\"x\"", "{}", "7", "[1,2]", "[{}]", "[null]", "[" + json(HUGE_TEXT) + "]");
                case IDS -> List.of("\"x\"", "{}", "7", "[\"a\"]", "[{}]", "[null]", "[1.5]", "[99999999999999999999999]");
                case MAP -> List.of("\"x\"", "[]", "7", "{\"Not A Code\":\"CONSULTED\"}", "{\"x\":\"BOSS\"}", "{\"x\":7}");
                case OBJECT -> List.of("\"x\"", "[]", "7", "{\"numerator\":\"1\"}", "{\"numerator\":-1,\"denominator\":2}",
                        "{\"numerator\":3,\"denominator\":2}", "{\"promoters\":1}");
            });
            if (!endpoint.optional().contains(field.getKey())) {
                bad.add("null");
            }
            for (String value : bad) {
                int expect = EXCEPTIONS.getOrDefault(endpoint.operation() + " " + field.getKey() + "=" + value,
                        UNREADABLE_TEXT.contains(value) ? 400 : invalid);
                if (expect != VALID) {
                    cases.add(write(endpoint, target, field.getKey() + "=" + abbreviated(value),
                            withField(endpoint, field.getKey(), value), expect));
                }
            }
            // a body the JSON reader itself refuses, whatever the field: the whole request is malformed
            cases.add(write(endpoint, target, field.getKey() + "=deeply nested", withField(endpoint, field.getKey(), DEEP), 400));
            cases.add(write(endpoint, target, field.getKey() + "=NaN", withField(endpoint, field.getKey(), "NaN"), 400));
            cases.add(write(endpoint, target, "duplicate " + field.getKey(), duplicated(endpoint, field.getKey()), 400));
        }
        cases.add(write(endpoint, target, "unknown field", withField(endpoint, "hacker", "\"drop table milestone\""), invalid));
        cases.add(write(endpoint, target, "unknown nested field", withField(endpoint, "__proto__", "{\"admin\":true}"), invalid));
    }

    /** Whole bodies that are not what the endpoint reads. */
    private void bodyMutations(Endpoint endpoint, Target target, List<Case> cases) {
        String valid = endpoint.validBody();
        byte[] utf8 = bytes(valid);
        boolean batch = endpoint.body() == Body.BATCH;
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty body", new byte[0]);
        bodies.put("null body", bytes("null"));
        bodies.put("a number", bytes("123"));
        bodies.put("a string", bytes("\"text\""));
        bodies.put("truncated", bytes(valid.substring(0, valid.length() / 2)));
        bodies.put("trailing garbage", bytes(valid + " }{"));
        bodies.put("two documents", bytes(valid + valid));
        bodies.put("not UTF-8", new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '{', '}'});
        bodies.put("single quotes", bytes(valid.replace('"', '\'')));
        bodies.put("comments", bytes("/* hi */" + valid));
        bodies.put("deeply nested", bytes(DEEP));
        if (batch) {
            bodies.put("an empty batch", bytes("[]"));
            bodies.put("one item, not in a batch", bytes(valid.substring(valid.indexOf('{'), valid.lastIndexOf('}') + 1)));
        } else {
            bodies.put("wrapped in an array", bytes("[" + valid + "]"));
        }
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            cases.add(new Case(endpoint.method() + " " + target.path() + " " + body.getKey(), endpoint.method(), target.path(),
                    "application/json", body.getValue(), target.ifMatch(), 400));
        }
        // over the app's limit: 1,000,000 bytes for one object, 10,000,000 for a batch (BodyLimitFilter, checked before
        // reading) — and under the server's own limit for any body (12 MiB, ServerBodyLimitFilter)
        int over = batch ? 10_200_000 : 1_100_000;
        cases.add(new Case(endpoint.method() + " " + target.path() + " over the body limit", endpoint.method(), target.path(),
                "application/json", bytes(valid + " ".repeat(over)), target.ifMatch(), 413));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            cases.add(new Case(endpoint.method() + " " + target.path() + " as " + type, endpoint.method(), target.path(), type,
                    utf8, target.ifMatch(), 415));
        }
        cases.add(new Case(endpoint.method() + " " + target.path() + " without a content type", endpoint.method(),
                target.path(), null, utf8, target.ifMatch(), 415));
    }

    /** A CSV file with each column's value made bad in turn (422: the file has a bad row), and files or queries that are wrong. */
    private void csvMutations(Endpoint endpoint, Target target, List<Case> cases) {
        String[] lines = endpoint.validBody().split("\n");
        List<String> columns = List.of(lines[0].split(","));
        for (String column : endpoint.fields().keySet()) {
            int index = columns.indexOf(column);
            List<String> bad = new ArrayList<>(switch (endpoint.fields().get(column)) {
                case WHOLE -> List.of("abc", "1.5", "99999999999999999999999", "-1", "NaN", "1e400");
                case DATE -> List.of("20260101", "2026-02-30", "yesterday", "2026-1-1");
                case ENUM -> List.of("NOT_A_VALUE", "stars", "0");
                default -> List.of("a\u0000b", "x".repeat(5_000));
            });
            bad.add("");
            for (String value : bad) {
                if (EXCEPTIONS.get(endpoint.operation() + " " + column + "=" + value) instanceof Integer e && e == VALID) {
                    continue;
                }
                String[] cells = lines[1].split(",", -1);
                cells[index] = value;
                String file = lines[0] + "\n" + String.join(",", cells) + "\n";
                cases.add(new Case(endpoint.method() + " " + target.path() + " " + column + "=" + abbreviated(value), endpoint.method(),
                        target.path(), endpoint.contentType(), bytes(file), target.ifMatch(), 422));
            }
        }
        String path = target.path();
        String join = path.contains("?") ? "&" : "?";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("validOnly=maybe", "validOnly=maybe");
        queries.put("an unknown parameter", "colour=red");
        queries.put("a mapping to an unknown field", "map.colour=kind");
        queries.put("a delimiter of two characters", "delimiter=%3B%3B");
        for (Map.Entry<String, String> query : queries.entrySet()) {
            cases.add(new Case(endpoint.method() + " " + path + " " + query.getKey(), endpoint.method(), path + join + query.getValue(),
                    endpoint.contentType(), bytes(endpoint.validBody()), target.ifMatch(), 400));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty file", new byte[0]);
        files.put("a header only", bytes(lines[0] + "\n"));
        files.put("an unterminated quote", bytes(lines[0] + "\n\"" + lines[1] + "\n"));
        files.put("not UTF-8", new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, ',', '\n'});
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            cases.add(new Case(endpoint.method() + " " + path + " " + file.getKey(), endpoint.method(), path, endpoint.contentType(),
                    file.getValue(), target.ifMatch(), 400));
        }
        for (String type : List.of("application/json", "application/xml", "application/octet-stream")) {
            cases.add(new Case(endpoint.method() + " " + path + " as " + type, endpoint.method(), path, type,
                    bytes(endpoint.validBody()), target.ifMatch(), 415));
        }
        cases.add(new Case(endpoint.method() + " " + path + " without a content type", endpoint.method(), path, null,
                bytes(endpoint.validBody()), target.ifMatch(), 415));
    }

    /** An uploaded report: empty, a form without its file, a form that is not one, over the server's limit. */
    private void byteMutations(Endpoint endpoint, Target target, List<Case> cases) {
        String path = target.path();
        cases.add(new Case(endpoint.method() + " " + path + " empty body", endpoint.method(), path, endpoint.contentType(),
                new byte[0], null, 400));
        cases.add(new Case(endpoint.method() + " " + path + " a form without its file", endpoint.method(), path,
                "multipart/form-data; boundary=b", bytes("--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n"),
                null, 400));
        cases.add(new Case(endpoint.method() + " " + path + " a form that is not one", endpoint.method(), path,
                "multipart/form-data; boundary=b", bytes("no parts here"), null, 400));
        // an upload has only the server's own limit for any body (ServerBodyLimitFilter, cx.server.max-post-size, 12 MiB
        // by default): beyond it a 413 problem, where Undertow used to answer a bare 400 before the app saw the request
        cases.add(new Case(endpoint.method() + " " + path + " over the server's body limit", endpoint.method(), path,
                endpoint.contentType(), new byte[12 * 1024 * 1024 + 1024], null, 413));
    }

    /**
     * The board pack's query parameters and program id: each bad one is named (400), a program that does not exist or
     * an id that is not a number is not found (404); the day bounds are today and the program's start.
     */
    private void boardPackMutations(Endpoint endpoint, Target target, List<Case> cases) {
        String path = target.path().substring(0, target.path().indexOf('?'));
        Map<String, Integer> queries = new LinkedHashMap<>();
        for (String bad : List.of("format=docx", "format=%00", "format=" + "x".repeat(3000), "asOf=2026-13-45", "asOf=abc",
                "asOf=" + Plan.today().plusDays(1), "asOf=9999-12-31", "asOf=-999999999-01-01", "asOf=" + Plan.programStart().minusDays(1),
                "since=abc", "since=%00", "since=-999999999-01-01", "since=" + Plan.programStart().minusDays(1),
                "asOf=" + Plan.today().minusDays(3) + "&since=" + Plan.today().minusDays(2), "asOf=1e3&since=2026-02-30&format=xlsx")) {
            queries.put(path + "?" + bad, 400);
        }
        queries.put(path.replaceFirst("/(\\d+)/", "/987654321/") + "?format=pdf", 404);
        queries.put(path.replaceFirst("/(\\d+)/", "/abc/") + "?format=pdf", 404);
        queries.put(path.replaceFirst("/(\\d+)/", "/-1/") + "?format=pdf", 404);
        queries.forEach((query, status) -> cases.add(new Case(endpoint.method() + " " + query, endpoint.method(), query, null,
                null, null, status)));
    }

    /**
     * If-Match and path parameters of a write that needs If-Match (api's ETags): missing, blank or {@code *} → 428; a
     * tag that names no version (weak, malformed, several, out of range) or an old one → 412; no such thing → 404.
     */
    private void envelopeMutations(Endpoint endpoint, Target target, List<Case> cases) {
        byte[] body = endpoint.body() == Body.NONE ? null : bytes(endpoint.validBody());
        String type = endpoint.body() == Body.NONE ? null : endpoint.contentType();
        String name = endpoint.method() + " " + target.path();
        cases.add(new Case(name + " without If-Match", endpoint.method(), target.path(), type, body, null, 428));
        cases.add(new Case(name + " If-Match *", endpoint.method(), target.path(), type, body, "*", 428));
        for (String garbage : List.of("abc", "\"\"", "W/\"0\"", "\"99999999999999999999999\"", "\"1\", \"2\"", "\"987654\"")) {
            cases.add(new Case(name + " If-Match " + garbage, endpoint.method(), target.path(), type, body, garbage, 412));
        }
        String missing = target.path().replaceFirst("/(\\d+)(/|$)", "/987654321$2");
        if (!missing.equals(target.path())) {
            cases.add(new Case(name + " on nothing", endpoint.method(), missing, type, body, target.ifMatch(), 404));
        }
        String notANumber = target.path().replaceFirst("/(\\d+)(/|$)", "/abc$2");
        if (!notANumber.equals(target.path())) {
            cases.add(new Case(name + " with a path id that is not a number", endpoint.method(), notANumber, type, body,
                    target.ifMatch(), 404));
        }
    }

    /** Absurd query and path parameters on the read endpoints. */
    private List<Case> readMutations() {
        List<Case> cases = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (String list : List.of("/api/programs", "/api/initiatives", "/api/milestones", "/api/targets", "/api/metrics",
                "/api/departments")) {
            for (String query : List.of("offset=-1", "offset=abc", "limit=0", "limit=501", "limit=99999999999999999999",
                    "sort=%27%3B%20drop%20table%20milestone", "sort=-", "offset=1e3", "q=%00", "q=" + "a".repeat(5000))) {
                paths.add(list + "?" + query);
            }
        }
        for (String query : List.of("program=0", "program=-5", "program=abc", "initiative=1.5", "department=%00",
                "department=" + "a".repeat(300), "pillar=%00", "phase=99999999999", "status=%00", "status=,,,", "dueAfter=2026-13-45",
                "dueBefore=%00", "dueAfter=2026-05-01&dueBefore=2026-04-01")) {
            paths.add("/api/milestones?" + query);
        }
        for (String query : List.of("", "from=%00&to=2026-01-01", "from=2026-01-01&to=2026-01-31&granularity=%00",
                "from=0001-01-01&to=9999-12-31", "from=2026-01-01&to=2026-01-31&department=%00",
                "from=2026-01-01&to=2026-01-31&channel=%00", "from=-999999999-01-01&to=2026-01-01")) {
            paths.add("/api/metrics/csat/series?" + query);
        }
        for (String path : List.of("/api/milestones/abc", "/api/milestones/-1", "/api/milestones/99999999999999999999",
                "/api/milestones/1/check-ins/abc", "/api/milestones/1/check-ins/-7", "/api/targets/1.5", "/api/programs/0/phases/99",
                "/api/metrics/%2e%2e", "/api/metrics/%00", "/api/dashboards/program/abc", "/api/dashboards/departments/%00",
                "/api/dashboards/departments/x?program=abc", "/api/initiatives/1e5", "/api/departments/%00",
                "/api/dashboards/program/1?asOf=%00", "/api/dashboards/program/1?asOf=9999-12-31",
                "/api/dashboards/program/1?asOf=-999999999-01-01", "/api/dashboards/departments/x?asOf=2026-02-30",
                "/api/targets?asOf=%00", "/api/targets?asOf=9999-12-31", "/api/targets?asOf=-999999999-01-01",
                "/api/targets?metric=%00&sort=colour&asOf=2026-02-30", "/api/initiatives?asOf=%00",
                "/api/initiatives?asOf=9999-12-31T00:00:00Z", "/api/initiatives?program=abc&asOf=abc",
                "/api/initiatives/1?asOf=%00", "/api/initiatives/1?asOf=9999-12-31",
                "/api/programs/abc/changes", "/api/programs/1/changes?from=%00", "/api/programs/1/changes?to=0001-01-01",
                "/api/programs/1/changes?from=2026-05-01&to=2026-04-01", "/api/programs/1/changes?from=-999999999-01-01",
                "/api/programs/1/reviews/latest", "/api/programs/-1/reviews/latest")) {
            paths.add(path);
        }
        for (String path : paths) {
            cases.add(new Case("GET " + path, "GET", path, null, null, null, ANY_NON_5XX));
        }
        return cases;
    }


    private static Case write(Endpoint endpoint, Target target, String name, String body, int expect) {
        return new Case(endpoint.method() + " " + target.path() + " " + name, endpoint.method(), target.path(),
                "application/json", bytes(body), target.ifMatch(), expect);
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid body with one top-level field (of each item, for a batch) set to the raw JSON text given. */
    private static String withField(Endpoint endpoint, String field, String rawValue) {
        try {
            JsonNode body = JSON.readTree(endpoint.validBody());
            ObjectNode object = (ObjectNode) (body.isArray() ? body.get(0) : body);
            object.put(field, RAW);
            return JSON.writeValueAsString(body).replace(json(RAW), rawValue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid body with one field given twice. */
    private static String duplicated(Endpoint endpoint, String field) {
        try {
            JsonNode body = JSON.readTree(endpoint.validBody());
            ObjectNode object = (ObjectNode) (body.isArray() ? body.get(0) : body);
            String value = JSON.writeValueAsString(object.get(field));
            object.put(field, RAW);
            return JSON.writeValueAsString(body).replace(json(RAW), value + "," + json(field) + ":" + value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() <= 60 ? text : text.substring(0, 60) + "…(" + text.length() + ")";
    }
}
