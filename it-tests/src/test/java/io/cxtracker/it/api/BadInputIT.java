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
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and malformed requests, generated across the API's write and read endpoints: every field of every
 * write given wrong types, nulls, huge and non-finite numbers, huge strings, NUL characters, unknown enum
 * values, unknown fields, duplicate keys, deep nesting and NaN; bodies that are not JSON, not an object, empty,
 * truncated or in another content type; query and path parameters out of range or absurd. Not one may get a
 * 5xx; every refused write answers a 4xx problem (a bulk batch of bad items: 200 with every item rejected) and
 * leaves every table's row count as it was. The numbers are printed and written to target/bad-input-summary.txt.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "@@raw@@";
    private static final String HUGE_TEXT = "x".repeat(200_000);
    private static final String DEEP = "[".repeat(20_000) + "]".repeat(20_000);

    private final HttpJson admin = Api.admin();
    private final Plan plan = new Plan();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    /** One request: its method, path, content type, body and If-Match; a write must change nothing. */
    record Case(String name, String method, String path, String contentType, byte[] body, String ifMatch, boolean write) {
    }

    /** A write endpoint with a valid body, the kind of each top-level field, and which fields may be left out. */
    record Endpoint(String method, String path, String ifMatch, String validBody, Map<String, Kind> fields, Set<String> optional) {
    }

    enum Kind { TEXT, WHOLE, DECIMAL, DATE, ENUM, LIST, MAP, OBJECT }

    @Test
    void noHostileRequestGetsA5xxAndNoRefusedWriteLeavesARow() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 500, "only " + cases.size() + " cases");

        Map<String, Long> counts = RowCounts.now();
        int serverErrors = 0;
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HttpJson.Reply reply = Api.raw(admin, c.method(), c.path(), c.contentType(), c.body(), c.ifMatch());
            int status = reply.status();
            if (status >= 500) {
                serverErrors++;
                failures.add(c.name() + " → " + status + " " + abbreviated(reply.body()));
                continue;
            }
            if (c.write()) {
                if (status == 200 && c.path().endsWith("/readings")) {
                    JsonNode report = reply.json();
                    if (report.get("accepted").asInt() != 0 || report.get("duplicates").asInt() != 0) {
                        failures.add(c.name() + " stored or matched readings: " + abbreviated(reply.body()));
                    }
                } else if (status < 400) {
                    failures.add(c.name() + " was accepted: " + status + " " + abbreviated(reply.body()));
                } else if (!"application/problem+json".equals(reply.header("Content-Type"))) {
                    failures.add(c.name() + " → " + status + " without a problem document: " + reply.header("Content-Type"));
                }
                Map<String, Long> now = RowCounts.now();
                if (!now.equals(counts)) {
                    failures.add(c.name() + " changed row counts: " + counts + " → " + now);
                    counts = now;
                }
            } else if (status >= 400 && !"application/problem+json".equals(reply.header("Content-Type"))) {
                failures.add(c.name() + " → " + status + " without a problem document: " + reply.header("Content-Type"));
            }
        }
        String summary = "bad-input cases: " + cases.size() + ", answered 5xx: " + serverErrors;
        System.out.println(summary);
        Path target = Path.of(System.getProperty("cx.it.work", "target/it-work")).getParent().resolve("bad-input-summary.txt");
        Files.writeString(target, summary + System.lineSeparator() + String.join(System.lineSeparator(), failures));
        assertEquals(0, serverErrors, () -> String.join("\n", failures));
        assertEquals(List.of(), failures);
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            fieldMutations(endpoint, cases);
            bodyMutations(endpoint, cases);
        }
        readMutations(cases);
        return cases;
    }

    private List<Endpoint> endpoints() {
        String department = plan.department("bad");
        String other = plan.department("bad");
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "MEASURE", department);
        long milestone = plan.milestone(initiative, department, Plan.TODAY.plusDays(30)).get("id").asLong();
        String metric = plan.metric("RATIO", "LOWER_IS_BETTER", department);
        long target = plan.target(metric, department, 20, 10, Plan.TODAY.plusDays(90), 1).get("id").asLong();
        String due = Plan.TODAY.plusDays(40).toString();
        String day = Plan.TODAY.minusDays(1).toString();

        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("POST", "/api/departments", null, """
                {"code":"%s","name":"Bad input","parentCode":"%s"}""".formatted(Plan.unique("never"), department),
                fields("code", Kind.TEXT, "name", Kind.TEXT, "parentCode", Kind.TEXT), Set.of("parentCode")));
        endpoints.add(new Endpoint("POST", "/api/programs", null, """
                {"name":"Bad","startDate":"2026-01-01","phases":[{"name":"One","start":"2026-01-01","end":"2026-12-31"}]}""",
                fields("name", Kind.TEXT, "startDate", Kind.DATE, "phases", Kind.LIST), Set.of("phases")));
        endpoints.add(new Endpoint("PUT", "/api/programs/" + program, "\"0\"", "{\"name\":\"Renamed\"}",
                fields("name", Kind.TEXT), Set.of()));
        endpoints.add(new Endpoint("POST", "/api/initiatives", null, """
                {"programId":%d,"phaseNumber":1,"pillar":"LISTEN","title":"t","description":"d","accountableDepartment":"%s",
                 "raci":{"%s":"CONSULTED"}}""".formatted(program, department, other),
                fields("programId", Kind.WHOLE, "phaseNumber", Kind.WHOLE, "pillar", Kind.ENUM, "title", Kind.TEXT,
                        "description", Kind.TEXT, "accountableDepartment", Kind.TEXT, "raci", Kind.MAP), Set.of("description", "raci")));
        endpoints.add(new Endpoint("PUT", "/api/initiatives/" + initiative, "\"0\"", """
                {"phaseNumber":2,"pillar":"CHANGE","title":"t2","description":"d2"}""",
                fields("phaseNumber", Kind.WHOLE, "pillar", Kind.ENUM, "title", Kind.TEXT, "description", Kind.TEXT),
                Set.of("description")));
        endpoints.add(new Endpoint("PUT", "/api/initiatives/" + initiative + "/raci/" + other, "\"0\"", "{\"role\":\"INFORMED\"}",
                fields("role", Kind.ENUM), Set.of()));
        endpoints.add(new Endpoint("POST", "/api/milestones", null, """
                {"initiativeId":%d,"title":"t","description":"d","ownerDepartment":"%s","ownerPerson":"p","due":"%s",
                 "evidence":["https://example.com/e"],"weight":2}""".formatted(initiative, department, due),
                fields("initiativeId", Kind.WHOLE, "title", Kind.TEXT, "description", Kind.TEXT, "ownerDepartment", Kind.TEXT,
                        "ownerPerson", Kind.TEXT, "due", Kind.DATE, "evidence", Kind.LIST, "weight", Kind.DECIMAL),
                Set.of("description", "evidence", "weight")));
        endpoints.add(new Endpoint("PUT", "/api/milestones/" + milestone, "\"0\"", """
                {"title":"t","description":"d","ownerDepartment":"%s","ownerPerson":"p","due":"%s",
                 "evidence":["https://example.com/e"],"weight":2}""".formatted(department, due),
                fields("title", Kind.TEXT, "description", Kind.TEXT, "ownerDepartment", Kind.TEXT, "ownerPerson", Kind.TEXT,
                        "due", Kind.DATE, "evidence", Kind.LIST, "weight", Kind.DECIMAL), Set.of("description", "evidence", "weight")));
        endpoints.add(new Endpoint("POST", "/api/milestones/" + milestone + "/check-ins", "\"0\"", """
                {"status":"IN_PROGRESS","progress":50,"comment":"c","evidence":["https://example.com/e"]}""",
                fields("status", Kind.ENUM, "progress", Kind.WHOLE, "comment", Kind.TEXT, "evidence", Kind.LIST),
                Set.of("comment", "evidence")));
        endpoints.add(new Endpoint("POST", "/api/milestones/" + milestone + "/override", "\"0\"", """
                {"status":"AT_RISK","reason":"r"}""", fields("status", Kind.ENUM, "reason", Kind.TEXT), Set.of()));
        endpoints.add(new Endpoint("POST", "/api/milestones/" + milestone + "/targets", "\"0\"", "{\"targetId\":" + target + "}",
                fields("targetId", Kind.WHOLE), Set.of()));
        // a rejection of a support lead's pending request (its reason is mandatory); the valid body is never sent
        plan.demoDepartment("support");
        long supportInitiative = plan.initiative(program, 1, "MEASURE", "support");
        long supportMilestone = plan.milestone(supportInitiative, "support", Plan.TODAY.plusDays(30)).get("id").asLong();
        long request = Api.ok(Api.write(Api.as("lead-support"), "POST", "/api/milestones/" + supportMilestone + "/override",
                "{\"status\":\"AT_RISK\",\"reason\":\"bad input\"}", "\"0\""), 202).get("id").asLong();
        endpoints.add(new Endpoint("POST", "/api/override-requests/" + request + "/rejection", "\"0\"", "{\"reason\":\"r\"}",
                fields("reason", Kind.TEXT), Set.of()));
        endpoints.add(new Endpoint("POST", "/api/metrics", null, """
                {"key":"%s","name":"n","unit":"%%","kind":"RATIO","direction":"LOWER_IS_BETTER","ownerDepartment":"%s",
                 "expectedFrequency":"DAILY"}""".formatted(Plan.unique("never"), department),
                fields("key", Kind.TEXT, "name", Kind.TEXT, "unit", Kind.TEXT, "kind", Kind.ENUM, "direction", Kind.ENUM,
                        "ownerDepartment", Kind.TEXT, "expectedFrequency", Kind.ENUM), Set.of()));
        endpoints.add(new Endpoint("POST", "/api/targets", null, """
                {"metricKey":"%s","departmentCode":"%s","baseline":20,"targetValue":10,"due":"%s","amberTolerance":1,"windowDays":30}"""
                .formatted(metric, department, due),
                fields("metricKey", Kind.TEXT, "departmentCode", Kind.TEXT, "baseline", Kind.DECIMAL, "targetValue", Kind.DECIMAL,
                        "due", Kind.DATE, "amberTolerance", Kind.DECIMAL, "windowDays", Kind.WHOLE),
                Set.of("departmentCode", "amberTolerance", "windowDays")));
        endpoints.add(new Endpoint("PUT", "/api/targets/" + target, "\"0\"", """
                {"baseline":20,"targetValue":9,"due":"%s","amberTolerance":1,"windowDays":30}""".formatted(due),
                fields("baseline", Kind.DECIMAL, "targetValue", Kind.DECIMAL, "due", Kind.DATE, "amberTolerance", Kind.DECIMAL,
                        "windowDays", Kind.WHOLE), Set.of("amberTolerance", "windowDays")));
        endpoints.add(new Endpoint("POST", "/api/metrics/" + metric + "/readings", null, """
                [{"day":"%s","departmentCode":"%s","channel":"phone","source":"bi","idempotencyKey":"%s",
                  "statistics":{"numerator":1,"denominator":2}}]""".formatted(day, department, Plan.unique("never")),
                fields("day", Kind.DATE, "departmentCode", Kind.TEXT, "channel", Kind.TEXT, "source", Kind.TEXT,
                        "idempotencyKey", Kind.TEXT, "statistics", Kind.OBJECT),
                Set.of("departmentCode", "channel", "source")));
        return endpoints;
    }

    private static Map<String, Kind> fields(Object... pairs) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return fields;
    }

    /** Every field of the endpoint's valid body replaced by values it can never accept. */
    private void fieldMutations(Endpoint endpoint, List<Case> cases) {
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
                case MAP -> List.of("\"x\"", "[]", "7", "{\"Not A Code\":\"CONSULTED\"}", "{\"x\":\"BOSS\"}", "{\"x\":7}");
                case OBJECT -> List.of("\"x\"", "[]", "7", "{\"numerator\":\"1\"}", "{\"numerator\":-1,\"denominator\":2}",
                        "{\"numerator\":3,\"denominator\":2}", "{\"promoters\":1}");
            });
            bad.add(DEEP);
            bad.add("NaN");
            if (!endpoint.optional().contains(field.getKey())) {
                bad.add("null");
            }
            for (String value : bad) {
                cases.add(write(endpoint, field.getKey() + "=" + abbreviated(value), withField(endpoint, field.getKey(), value)));
            }
            cases.add(write(endpoint, "duplicate " + field.getKey(), duplicated(endpoint, field.getKey())));
        }
        cases.add(write(endpoint, "unknown field", withField(endpoint, "hacker", "\"drop table milestone\"")));
        cases.add(write(endpoint, "unknown nested field", withField(endpoint, "__proto__", "{\"admin\":true}")));
    }

    /** Whole bodies that are not what the endpoint reads. */
    private void bodyMutations(Endpoint endpoint, List<Case> cases) {
        String valid = endpoint.validBody();
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty body", new byte[0]);
        bodies.put("null body", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("a number", "123".getBytes(StandardCharsets.UTF_8));
        bodies.put("a string", "\"text\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("truncated", valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8));
        bodies.put("trailing garbage", (valid + " }{").getBytes(StandardCharsets.UTF_8));
        bodies.put("two documents", (valid + valid).getBytes(StandardCharsets.UTF_8));
        bodies.put("not UTF-8", new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '{', '}'});
        bodies.put("single quotes", valid.replace('"', '\'').getBytes(StandardCharsets.UTF_8));
        bodies.put("comments", ("/* hi */" + valid).getBytes(StandardCharsets.UTF_8));
        bodies.put("deeply nested", DEEP.getBytes(StandardCharsets.UTF_8));
        bodies.put("wrapped in an array", ("[" + valid + "]").getBytes(StandardCharsets.UTF_8));
        bodies.put("over 1 MB of spaces", (valid + " ".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            if (body.getKey().equals("wrapped in an array") && endpoint.path().endsWith("/readings")) {
                continue; // nested arrays are a batch of non-objects: covered by the item mutations
            }
            if (body.getKey().equals("over 1 MB of spaces") && endpoint.path().endsWith("/readings")) {
                continue; // the bulk limit is 10 MB: a valid batch with spaces would be stored
            }
            cases.add(new Case(endpoint.method() + " " + endpoint.path() + " " + body.getKey(), endpoint.method(), endpoint.path(),
                    "application/json", body.getValue(), endpoint.ifMatch(), true));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            cases.add(new Case(endpoint.method() + " " + endpoint.path() + " as " + type, endpoint.method(), endpoint.path(), type,
                    utf8, endpoint.ifMatch(), true));
        }
        cases.add(new Case(endpoint.method() + " " + endpoint.path() + " without a content type", endpoint.method(),
                endpoint.path(), null, utf8, endpoint.ifMatch(), true));
    }

    /** Absurd query and path parameters on the read endpoints. */
    private void readMutations(List<Case> cases) {
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
                "/api/dashboards/departments/x?program=abc", "/api/initiatives/1e5", "/api/departments/%00")) {
            paths.add(path);
        }
        for (String path : paths) {
            cases.add(new Case("GET " + path, "GET", path, null, null, null, false));
        }
    }

    private static Case write(Endpoint endpoint, String name, String body) {
        return new Case(endpoint.method() + " " + endpoint.path() + " " + name, endpoint.method(), endpoint.path(),
                "application/json", body.getBytes(StandardCharsets.UTF_8), endpoint.ifMatch(), true);
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
