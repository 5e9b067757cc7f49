package io.cxtracker.it.audit;

import static io.cxtracker.it.api.Api.etag;
import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.Tokens;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail, black-box: one record per write performed over HTTP (none for refused writes), a
 * milestone's history and its state as of an instant, the table refusing UPDATE and DELETE, and a row
 * altered behind the triggers' back found by {@code GET /api/audit/verify} — then mended, since every
 * test of the run shares the database.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {
    private final HttpJson admin = Api.admin();
    private final HttpJson lead = Api.as("lead-support");
    private final HttpJson auditor = Api.as("auditor");
    private final String prefix = Plan.unique("audit-it");
    private final List<String> writes = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    /** A request carrying its own X-Request-Id, so its audit records can be counted. */
    private static HttpJson.Reply send(HttpJson client, String method, String path, String body, String ifMatch, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path)).header("Accept", "application/json")
                .header("X-Request-Id", requestId);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return client.send(request);
    }

    /** A write that must succeed with the status and leave exactly one audit record. */
    private HttpJson.Reply write(int status, HttpJson client, String method, String path, String body, String ifMatch) {
        String requestId = prefix + "-w" + writes.size();
        writes.add(requestId);
        HttpJson.Reply reply = send(client, method, path, body, ifMatch, requestId);
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(requestId, reply.header("X-Request-Id"), "the response echoes the request id");
        return reply;
    }

    /** A write the server must refuse with the status, leaving no audit record. */
    private void refused(int status, HttpJson client, String method, String path, String body, String ifMatch) {
        String requestId = prefix + "-r" + refusals.size();
        refusals.add(requestId);
        HttpJson.Reply reply = send(client, method, path, body, ifMatch, requestId);
        assertEquals(status, reply.status(), reply::toString);
    }

    private static long records(String where) {
        try (Connection c = Database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_record WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyWriteOverHttpLeavesOneAuditRecordAndEveryRefusedOneNone() {
        String code = Plan.unique("audited");
        new Plan().demoDepartment("support");
        write(201, admin, "POST", "/api/departments", "{\"code\":\"" + code + "\",\"name\":\"Audited department\"}", null);
        refused(403, lead, "POST", "/api/departments", "{\"code\":\"" + Plan.unique("nope") + "\",\"name\":\"Nope\"}", null);
        refused(400, admin, "POST", "/api/departments", "{\"code\":\"Bad Code\",\"name\":\"\"}", null);

        var program = write(201, admin, "POST", "/api/programs",
                "{\"name\":\"CX " + prefix + "\",\"startDate\":\"" + Plan.programStart() + "\"}", null);
        long programId = program.json().get("id").asLong();
        var renamed = write(200, admin, "PUT", "/api/programs/" + programId, "{\"name\":\"CX renamed " + prefix + "\"}", etag(program));
        refused(412, admin, "PUT", "/api/programs/" + programId, "{\"name\":\"stale\"}", etag(program));
        refused(428, admin, "PUT", "/api/programs/" + programId, "{\"name\":\"no If-Match\"}", null);

        var initiative = write(201, admin, "POST", "/api/initiatives", """
                {"programId":%d,"phaseNumber":1,"pillar":"MEASURE","title":"Measure %s","accountableDepartment":"support"}"""
                .formatted(programId, prefix), null);
        long initiativeId = initiative.json().get("id").asLong();
        write(200, admin, "PUT", "/api/initiatives/" + initiativeId + "/raci/" + code, "{\"role\":\"CONSULTED\"}", etag(initiative));

        String metric = Plan.unique("csat");
        write(201, admin, "POST", "/api/metrics", """
                {"key":"%s","name":"CSAT","unit":"%%","kind":"CSAT","direction":"HIGHER_IS_BETTER","ownerDepartment":"support",
                 "expectedFrequency":"DAILY"}""".formatted(metric), null);
        var target = write(201, admin, "POST", "/api/targets", """
                {"metricKey":"%s","departmentCode":"support","baseline":70,"targetValue":80,"due":"%s","amberTolerance":2,"windowDays":30}"""
                .formatted(metric, Plan.today().plusDays(60)), null);
        long targetId = target.json().get("id").asLong();
        write(200, admin, "PUT", "/api/targets/" + targetId, """
                {"baseline":70,"targetValue":82,"due":"%s","amberTolerance":2,"windowDays":30}""".formatted(Plan.today().plusDays(60)),
                etag(target));

        var milestone = write(201, admin, "POST", "/api/milestones", """
                {"initiativeId":%d,"title":"Survey live %s","ownerDepartment":"support","ownerPerson":"alice","due":"%s",
                 "evidence":["https://intranet.example.com/plan"]}""".formatted(initiativeId, prefix, Plan.today().plusDays(30)), null);
        long id = milestone.json().get("id").asLong();
        String path = "/api/milestones/" + id;
        var revised = write(200, lead, "PUT", path, """
                {"title":"Survey live everywhere %s","ownerDepartment":"support","ownerPerson":"alice","due":"%s"}"""
                .formatted(prefix, Plan.today().plusDays(40)), etag(milestone));
        refused(412, lead, "POST", path + "/check-ins", "{\"status\":\"IN_PROGRESS\",\"progress\":10}", etag(milestone));
        refused(403, Api.as("lead-marketing"), "POST", path + "/check-ins", "{\"status\":\"DONE\",\"progress\":100}", etag(revised));
        refused(403, auditor, "POST", path + "/check-ins", "{\"status\":\"DONE\",\"progress\":100}", etag(revised));
        refused(400, lead, "POST", path + "/check-ins", "{\"status\":\"DONE\",\"progress\":101}", etag(revised));
        var checkedIn = write(201, lead, "POST", path + "/check-ins", """
                {"status":"IN_PROGRESS","progress":40,"comment":"chat survey live","evidence":["https://bi.example.com/csat"]}""",
                etag(revised));
        refused(400, lead, "POST", path + "/override", "{\"status\":\"ON_TRACK\",\"reason\":\" \"}", etag(checkedIn));
        // four eyes: the lead's override is a request, one record; an executive's approval applies it, one record
        var requested = write(202, lead, "POST", path + "/override", "{\"status\":\"ON_TRACK\",\"reason\":\"vendor signed\"}",
                etag(checkedIn));
        String approval = "/api/override-requests/" + requested.json().get("id").asLong() + "/approval";
        refused(403, lead, "POST", approval, "{}", etag(checkedIn));
        var overridden = write(200, Api.as("exec"), "POST", approval, "{\"reason\":\"contract seen\"}", etag(checkedIn));
        var cleared = write(200, lead, "DELETE", path + "/override", null, etag(overridden));
        var linked = write(200, lead, "POST", path + "/targets", "{\"targetId\":" + targetId + "}", etag(cleared));
        refused(400, lead, "POST", path + "/targets", "{\"targetId\":999999999}", etag(linked));
        var unlinkAsked = write(202, lead, "DELETE", path + "/targets/" + targetId, null, etag(linked));
        write(200, admin, "POST", "/api/override-requests/" + unlinkAsked.json().get("id").asLong() + "/rejection",
                "{\"reason\":\"the target still proves the milestone\"}", etag(linked));

        String readings = """
                [{"day":"%s","departmentCode":"support","channel":"chat","idempotencyKey":"%s-a","statistics":{"satisfied":80,"responses":100}},
                 {"day":"%s","departmentCode":"support","channel":"chat","idempotencyKey":"%s-b","statistics":{"satisfied":85,"responses":100}}]"""
                .formatted(Plan.today().minusDays(2), prefix, Plan.today().minusDays(1), prefix);
        HttpJson ingest = Api.as(Tokens.INGEST);
        JsonNode first = write(200, ingest, "POST", "/api/metrics/" + metric + "/readings", readings, null).json();
        assertEquals(2, first.get("accepted").asInt(), first::toString);
        // the same batch again stores nothing: not a write, no record
        String resent = prefix + "-resent";
        assertEquals(0, send(ingest, "POST", "/api/metrics/" + metric + "/readings", readings, null, resent).json()
                .get("accepted").asInt());
        refused(403, lead, "POST", "/api/metrics/" + metric + "/readings", readings, null);

        assertEquals(writes.size(), records("request_id LIKE '" + prefix + "-%'"), "audit records = writes performed");
        for (String requestId : writes) {
            assertEquals(1, records("request_id = '" + requestId + "'"), requestId);
        }
        assertEquals(0, records("request_id LIKE '" + prefix + "-r%' OR request_id = '" + resent + "'"), "refused writes leave none");
        assertEquals(1, records("request_id LIKE '" + prefix + "-%' AND entity_type = 'reading-batch'"
                + " AND new_value->>'accepted' = '2' AND new_value->>'duplicates' = '0'"
                + " AND new_value->>'metricKeys' = '" + metric + "' AND department_code = 'support'"),
                "one record for the whole batch, filed under the department of its readings");

        // the audit list filters by entity: the milestone's nine writes, oldest first
        JsonNode listed = ok(auditor.get("/api/audit?entity=milestone&entityId=" + id), 200);
        assertEquals(9, listed.get("total").asInt(), listed::toString);

        // the history: everyone who reads progress, leads included
        JsonNode history = ok(lead.get(path + "/history"), 200);
        assertEquals(List.of("create", "update", "check-in", "request-override", "approve-request", "clear-override",
                "link-target", "request-unlink", "reject-request"), texts(history.get("items"), "action"));
        assertEquals(List.of("lead-support", "exec", "admin"), List.of(history.get("items").get(3).get("actor").asText(),
                history.get("items").get(4).get("actor").asText(), history.get("items").get(8).get("actor").asText()));
        assertEquals("the target still proves the milestone",
                history.get("items").get(8).at("/newValues/request.decisionReason").asText());
        JsonNode checkIn = history.get("items").get(2);
        assertEquals("40", checkIn.at("/newValues/progress").asText());
        assertEquals("0", checkIn.at("/oldValues/progress").asText());
        assertEquals("chat survey live", checkIn.at("/newValues/checkIn.comment").asText());
        assertEquals("support", checkIn.get("department").asText());
        JsonNode override = history.get("items").get(4);
        assertEquals("vendor signed", override.at("/newValues/overrideReason").asText());
        assertEquals("lead-support", override.at("/newValues/request.requestedBy").asText());
        JsonNode page = ok(lead.get(path + "/history?limit=2&offset=3&sort=-seq"), 200);
        assertEquals(9, page.get("total").asInt());
        assertEquals(List.of("clear-override", "approve-request"), texts(page.get("items"), "action"));

        // the state as of just after the check-in: its progress, still the revised title, no override yet
        String afterCheckIn = checkIn.get("at").asText();
        JsonNode state = ok(Api.as("exec").get(path + "/history?asOf=" + afterCheckIn), 200);
        assertEquals("40", state.at("/fields/progress").asText(), state::toString);
        assertEquals("Survey live everywhere " + prefix, state.at("/fields/title").asText());
        assertTrue(state.at("/fields/overrideStatus").isMissingNode(), state::toString);
        assertEquals(0, state.get("inconsistencies").size(), state::toString);
        JsonNode asCreated = ok(lead.get(path + "/history?asOf=" + history.get("items").get(0).get("at").asText()), 200);
        assertEquals("Survey live " + prefix, asCreated.at("/fields/title").asText());
        assertEquals(404, lead.get(path + "/history?asOf=2000-01-01").status());
        assertEquals(404, lead.get("/api/milestones/999999999/history").status());
        assertEquals(400, lead.get(path + "/history?asOf=yesterday").status());
        assertEquals(403, ingest.get(path + "/history").status());
        assertEquals(403, lead.get("/api/audit?entity=milestone&entityId=" + id).status(), "the full trail is not a lead's");
        assertEquals(401, HttpJson.forBaseUrl().get(path + "/history").status());
        assertEquals("CX renamed " + prefix, renamed.json().get("name").asText());
    }

    @Test
    void theAuditTableRefusesUpdateAndDeleteFromAnyone() throws SQLException {
        long seq = newestRecordOfAWrite();
        for (String sql : List.of("UPDATE audit_record SET actor = 'mallory' WHERE seq = " + seq,
                "DELETE FROM audit_record WHERE seq = " + seq)) {
            try (Connection c = Database.connect(); Statement s = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        assertEquals(1, records("seq = " + seq + " AND actor <> 'mallory'"));
        assertTrue(ok(auditor.get("/api/audit/verify"), 200).get("intact").asBoolean());
    }

    @Test
    void aRowAlteredBehindTheTriggersBackIsTheLinkVerifyReportsAndMendedItIsIntactAgain() throws SQLException {
        JsonNode before = ok(auditor.get("/api/audit/verify"), 200);
        assertTrue(before.get("intact").asBoolean(), before::toString);
        long seq = newestRecordOfAWrite();
        // a record is protected once sealed (within seconds of its commit); verify seals on demand
        JsonNode sealed = ok(auditor.get("/api/audit/verify"), 200);
        assertEquals(0, sealed.get("pending").asLong(), sealed::toString);
        long link = linkOf(seq);
        String actor;
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("SELECT actor FROM audit_record WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                actor = rs.getString(1);
            }
        }
        try {
            alter(seq, "mallory");
            JsonNode broken = ok(auditor.get("/api/audit/verify"), 200);
            assertFalse(broken.get("intact").asBoolean(), broken::toString);
            assertEquals(link, broken.get("brokenSeq").asLong(), broken::toString);
            assertTrue(broken.get("reason").asText().contains("altered") || broken.get("reason").asText().contains("hash"),
                    broken::toString);
            assertEquals(403, lead.get("/api/audit/verify").status());
        } finally {
            alter(seq, actor);
        }
        JsonNode mended = ok(auditor.get("/api/audit/verify"), 200);
        assertTrue(mended.get("intact").asBoolean(), mended::toString);
        assertTrue(mended.path("brokenSeq").isNull() || mended.path("brokenSeq").isMissingNode(), mended::toString);
    }

    /** As a database superuser with the triggers off, as an attacker with the server's keys would. */
    private static void alter(long seq, String actor) throws SQLException {
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            try (PreparedStatement update = c.prepareStatement("UPDATE audit_record SET actor = ? WHERE seq = ?")) {
                update.setString(1, actor);
                update.setLong(2, seq);
                assertEquals(1, update.executeUpdate());
            } finally {
                s.execute("RESET session_replication_role");
            }
        }
    }

    /** The record's place in the sealed chain. */
    private static long linkOf(long seq) throws SQLException {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT seq FROM audit_seal WHERE record_seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "record " + seq + " is sealed");
                return rs.getLong(1);
            }
        }
    }

    /** Makes one write (a department) and answers its record's sequence number. */
    private long newestRecordOfAWrite() {
        String requestId = prefix + "-one";
        String code = Plan.unique("chain");
        assertEquals(201, send(admin, "POST", "/api/departments", "{\"code\":\"" + code + "\",\"name\":\"Chain\"}", null, requestId)
                .status());
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT seq FROM audit_record WHERE request_id = ? AND entity_type = 'department' AND entity_id = ?")) {
            s.setString(1, requestId);
            s.setString(2, code);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.get(field).asText()));
        return texts;
    }
}
