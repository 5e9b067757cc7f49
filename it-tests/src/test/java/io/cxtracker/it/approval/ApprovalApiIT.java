package io.cxtracker.it.approval;

import static io.cxtracker.it.api.Api.etag;
import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static io.cxtracker.it.api.Api.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Four eyes over HTTP, through the real WildFly, PostgreSQL and Keycloak: support's lead asks to override the status
 * of (or unlink a target from) a support milestone and gets 202 with a request; until an executive or program admin
 * approves, the milestone shows its derived status and "override requested"; approval applies it, rejection records
 * why; nobody decides their own request and a decision is final. Each step is one audit record on the milestone.
 */
@ExtendWith(ArquillianExtension.class)
class ApprovalApiIT {
    private final HttpJson admin = Api.admin();
    private final HttpJson lead = Api.as("lead-support");
    private final HttpJson exec = Api.as("exec");
    private final Plan plan = new Plan();
    private long initiative;
    private LocalDate due;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void setUp() {
        plan.demoDepartment("support");
        long program = plan.program();
        initiative = plan.initiative(program, 1, "MEASURE", "support");
        due = Plan.today().plusDays(60);
    }

    private long milestone() {
        return plan.milestone(initiative, "support", due).get("id").asLong();
    }

    private static long audited(long milestone, String action) {
        return Database.count("audit_record where entity_type = 'milestone' and entity_id = '" + milestone
                + "' and action = '" + action + "'");
    }

    @Test
    void aLeadsOverrideWaitsForAnExecutivesApprovalAndThenApplies() {
        long id = milestone();
        long requestsBefore = Database.count("approval_request");
        assertEquals(List.of("reason", "status"),
                problem(write(lead, "POST", "/api/milestones/" + id + "/override", "{\"status\":\"PAUSED\"}", "\"0\""), 400));

        var asked = write(lead, "POST", "/api/milestones/" + id + "/override", """
                {"status":"AT_RISK","reason":"survey vendor slips to June"}""", "\"0\"");

        JsonNode request = ok(asked, 202);
        long requestId = request.get("id").asLong();
        assertTrue(asked.header("Location").endsWith("/api/override-requests/" + requestId), asked::toString);
        assertEquals("\"0\"", etag(asked), "the milestone is untouched: same version");
        assertEquals(List.of("OVERRIDE_STATUS", "AT_RISK", "PENDING", "lead-support"), List.of(request.get("change").asText(),
                request.get("requestedStatus").asText(), request.get("state").asText(), request.get("requestedBy").asText()));
        assertEquals(requestsBefore + 1, Database.count("approval_request"));
        assertEquals(1, audited(id, "request-override"));

        JsonNode shown = ok(admin.get("/api/milestones/" + id), 200);
        assertEquals("NOT_STARTED", shown.get("status").asText(), "the derived status stands until approval");
        assertTrue(shown.get("override").isNull());
        assertTrue(shown.get("overrideRequested").asBoolean());
        assertEquals(requestId, shown.get("pendingRequests").get(0).get("requestId").asLong());
        JsonNode listed = ok(admin.get("/api/milestones?department=support&initiative=" + initiative), 200);
        assertTrue(listed.get("items").get(0).get("overrideRequested").asBoolean(), "lists and dashboards say so too");
        problem(write(lead, "POST", "/api/milestones/" + id + "/override", """
                {"status":"OFF_TRACK","reason":"again"}""", "\"0\""), 409);

        JsonNode queue = ok(exec.get("/api/override-requests?state=PENDING&department=support"), 200);
        assertTrue(queue.get("total").asLong() >= 1);
        var read = exec.get("/api/override-requests/" + requestId);
        assertEquals("\"0\"", etag(read), "a request's ETag is its milestone's version");
        assertEquals(List.of("state"), problem(exec.get("/api/override-requests?state=MAYBE"), 400));
        problem(exec.get("/api/override-requests/999999999"), 404);

        String approval = "/api/override-requests/" + requestId + "/approval";
        problem(write(lead, "POST", approval, "{}", "\"0\""), 403);
        problem(write(Api.as("auditor"), "POST", approval, "{}", "\"0\""), 403);
        problem(write(exec, "POST", approval, "{}", null), 428);
        problem(write(exec, "POST", approval, "{}", "\"7\""), 412);
        assertEquals(0, audited(id, "approve-request"), "refusals write nothing");

        var approved = write(exec, "POST", approval, "{\"reason\":\"vendor confirmed in writing\"}", etag(read));

        JsonNode decided = ok(approved, 200);
        assertEquals(List.of("APPROVED", "exec", "vendor confirmed in writing"), List.of(decided.get("state").asText(),
                decided.get("decidedBy").asText(), decided.get("decisionReason").asText()));
        assertEquals("\"1\"", etag(approved), "applying the override bumps the milestone's version");
        JsonNode after = ok(admin.get("/api/milestones/" + id), 200);
        assertEquals("AT_RISK", after.get("status").asText());
        assertEquals("NOT_STARTED", after.get("derivedStatus").asText());
        assertEquals("lead-support", after.get("override").get("by").asText());
        assertEquals("survey vendor slips to June", after.get("override").get("reason").asText());
        assertFalse(after.get("overrideRequested").asBoolean());
        assertEquals(1, audited(id, "approve-request"));
        assertEquals(1, Database.count("approval_decision where request_id = " + requestId));

        problem(write(admin, "POST", approval, "{}", "\"1\""), 409);
        problem(write(admin, "POST", "/api/override-requests/" + requestId + "/rejection", "{\"reason\":\"late\"}", "\"1\""), 409);
        assertEquals(1, Database.count("approval_decision where request_id = " + requestId), "a decision is final");
    }

    @Test
    void aRejectionNeedsAReasonAndLeavesTheMilestoneAsItWas() {
        long id = milestone();
        long requestId = ok(write(lead, "POST", "/api/milestones/" + id + "/override", """
                {"status":"DONE","reason":"we are done, trust us"}""", "\"0\""), 202).get("id").asLong();
        String rejection = "/api/override-requests/" + requestId + "/rejection";
        assertEquals(List.of("reason"), problem(write(admin, "POST", rejection, "{}", "\"0\""), 400));
        assertTrue(problem(write(admin, "POST", rejection, "{\"reason\":\"x\",\"extra\":1}", "\"0\""), 400).contains("extra"));

        JsonNode rejected = ok(write(admin, "POST", rejection, "{\"reason\":\"no evidence attached\"}", "\"0\""), 200);

        assertEquals(List.of("REJECTED", "admin", "no evidence attached"), List.of(rejected.get("state").asText(),
                rejected.get("decidedBy").asText(), rejected.get("decisionReason").asText()));
        JsonNode after = ok(admin.get("/api/milestones/" + id), 200);
        assertEquals("NOT_STARTED", after.get("status").asText());
        assertEquals(0, after.get("version").asLong());
        assertFalse(after.get("overrideRequested").asBoolean());
        assertEquals(1, audited(id, "reject-request"));
        assertEquals(1, ok(admin.get("/api/override-requests?state=REJECTED&milestone=" + id), 200).get("total").asLong());
    }

    @Test
    void aLeadsUnlinkIsARequestTheLinkStandsUntilApproved() {
        long id = milestone();
        String metric = plan.metric("CSAT", "HIGHER_IS_BETTER", "support");
        long target = plan.target(metric, "support", 70, 80, due, 2).get("id").asLong();
        var linked = write(admin, "POST", "/api/milestones/" + id + "/targets", "{\"targetId\":" + target + "}", "\"0\"");
        ok(linked, 200);
        String unlink = "/api/milestones/" + id + "/targets/" + target;

        var asked = write(lead, "DELETE", unlink + "?reason=metric%20retired", null, etag(linked));

        JsonNode request = ok(asked, 202);
        assertEquals(List.of("UNLINK_TARGET", String.valueOf(target), "metric retired"), List.of(request.get("change").asText(),
                request.get("targetId").asText(), request.get("reason").asText()));
        assertEquals(1, Database.count("milestone_target where milestone_id = " + id), "the link stands");
        JsonNode shown = ok(admin.get("/api/milestones/" + id), 200);
        assertTrue(shown.get("unlinkRequested").asBoolean());
        assertEquals(1, audited(id, "request-unlink"));

        // a lead who is also the requester cannot approve; an admin can
        problem(write(lead, "POST", "/api/override-requests/" + request.get("id").asLong() + "/approval", "{}", etag(linked)), 403);
        ok(write(admin, "POST", "/api/override-requests/" + request.get("id").asLong() + "/approval", "{}", etag(linked)), 200);

        assertEquals(0, Database.count("milestone_target where milestone_id = " + id));
        assertFalse(ok(admin.get("/api/milestones/" + id), 200).get("unlinkRequested").asBoolean());
        assertEquals(1, audited(id, "approve-request"));
    }

    @Test
    void theDatabaseKeepsRequestsAndDecisionsAsWritten() {
        long id = milestone();
        long requestId = ok(write(lead, "POST", "/api/milestones/" + id + "/override", """
                {"status":"AT_RISK","reason":"as written"}""", "\"0\""), 202).get("id").asLong();
        ok(write(exec, "POST", "/api/override-requests/" + requestId + "/rejection", "{\"reason\":\"no\"}", "\"0\""), 200);
        for (String sql : List.of("update approval_request set reason = 'rewritten' where id = " + requestId,
                "delete from approval_decision where request_id = " + requestId,
                "update approval_decision set outcome = 'APPROVED' where request_id = " + requestId,
                "insert into approval_decision (request_id, outcome, decided_by, decided_at) values (" + requestId
                        + ", 'APPROVED', 'admin', now())")) {
            boolean refused;
            try {
                Database.execute(sql);
                refused = false;
            } catch (IllegalStateException e) {
                refused = true;
            }
            assertTrue(refused, () -> "the database should refuse: " + sql);
        }
        assertEquals("REJECTED", ok(admin.get("/api/override-requests/" + requestId), 200).get("state").asText());

        // nobody decides their own request: the database refuses it too, whatever the service
        long pending = ok(write(lead, "POST", "/api/milestones/" + id + "/override", """
                {"status":"OFF_TRACK","reason":"second thoughts"}""", "\"0\""), 202).get("id").asLong();
        boolean refused;
        try {
            Database.execute("insert into approval_decision (request_id, outcome, decided_by, decided_at) values (" + pending
                    + ", 'APPROVED', 'Lead-Support', now())");
            refused = false;
        } catch (IllegalStateException e) {
            refused = e.getCause().getMessage().contains("may not be decided by its requester");
        }
        assertTrue(refused, "the requester's own decision must be refused by the database");
        assertEquals("PENDING", ok(admin.get("/api/override-requests/" + pending), 200).get("state").asText());
    }
}
