package io.cxtracker.it.review;

import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static io.cxtracker.it.api.Api.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.api.RowCounts;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.RunClock;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * As of any instant and what changed, through the real server: a milestone is checked in, then overridden,
 * a reading for an earlier day arrives last; the dashboards read as of each instant in between show exactly
 * the state of then, and the changes between the first and the last list exactly those acts.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewApiIT {

    private final HttpJson admin = Api.admin();
    private final HttpJson exec = Api.as("exec");
    private final Plan plan = new Plan();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void everyInstantReadsBackAsItWasAndTheChangesListExactlyTheActsInBetween() throws Exception {
        long program = plan.program();
        String care = plan.department("care");
        long initiative = plan.initiative(program, 1, "LISTEN", care);
        long vendor = plan.milestone(initiative, care, Plan.today().plusDays(60)).get("id").asLong();
        String metric = plan.metric("CSAT", "HIGHER_IS_BETTER", care);
        plan.target(metric, care, 70, 80, Plan.today().plusDays(200), 2);

        Instant planned = RunClock.between();
        var checkedIn = write(admin, "POST", "/api/milestones/" + vendor + "/check-ins",
                "{\"status\":\"IN_PROGRESS\",\"progress\":40,\"comment\":\"shortlist of two\"}", "\"0\"");
        ok(checkedIn, 201);
        Instant afterCheckIn = RunClock.between();
        ok(write(admin, "POST", "/api/milestones/" + vendor + "/override",
                "{\"status\":\"BLOCKED\",\"reason\":\"both vendors withdrew\"}", Api.etag(checkedIn)), 200);
        Instant afterOverride = RunClock.between();
        ok(Api.as("cxtracker-ingest").post("/api/metrics/" + metric + "/readings", """
                [{"day":"%s","departmentCode":"%s","idempotencyKey":"late-%s","statistics":{"satisfied":82,"responses":100}}]"""
                .formatted(Plan.today().minusDays(8), care, metric)), 200);
        Instant afterReading = RunClock.between();

        assertEquals("NOT_STARTED", only(dashboard(program, planned)));
        assertEquals("IN_PROGRESS", only(dashboard(program, afterCheckIn)));
        assertEquals("BLOCKED", only(dashboard(program, afterOverride)));
        assertEquals("BLOCKED", only(ok(exec.get("/api/dashboards/program/" + program), 200)));

        // the late reading for an earlier day: absent as of before it arrived, present after
        JsonNode unknown = target(care, program, afterOverride).path("evaluation").path("current");
        assertTrue(unknown.isNull() || unknown.isMissingNode(), unknown::toString);
        assertEquals(82.0, target(care, program, afterReading).path("evaluation").path("current").asDouble(), 1e-9);

        JsonNode changes = ok(exec.get("/api/programs/" + program + "/changes?from=" + planned + "&to=" + afterReading), 200);
        assertEquals(1, changes.get("statusChanges").size(), changes::toString);
        JsonNode change = changes.get("statusChanges").get(0);
        assertEquals(vendor, change.get("milestoneId").asLong());
        assertEquals("NOT_STARTED", change.get("from").asText());
        assertEquals("BLOCKED", change.get("to").asText());
        assertEquals("admin", change.get("by").asText());
        assertEquals("both vendors withdrew", change.get("why").asText());
        assertEquals(List.of(vendor), ids(changes.get("newAtRisk")));
        assertEquals(0, changes.get("newOverdue").size());
        assertEquals(1, changes.get("checkIns").size());
        assertEquals("shortlist of two", changes.get("checkIns").get(0).get("comment").asText());
        assertEquals(1, changes.get("overrides").size());
        assertEquals("BLOCKED", changes.get("overrides").get(0).get("status").asText());
        assertTrue(changes.get("since").isNull());

        // from after to, a bad instant and a day after today are each named
        assertEquals(List.of("from"), problem(exec.get("/api/programs/" + program + "/changes?from=" + afterReading
                + "&to=" + planned), 400));
        assertEquals(List.of("to"), problem(exec.get("/api/programs/" + program + "/changes?to=yesterday"), 400));
        assertEquals(List.of("asOf"), problem(exec.get("/api/dashboards/program/" + program + "?asOf="
                + Plan.today().plusDays(2)), 400));
        assertEquals(List.of("asOf"), problem(exec.get("/api/dashboards/program/" + program + "?asOf=30.06.2026"), 400));
        problem(exec.get("/api/programs/999999999/changes"), 404);
    }

    @Test
    void aMarkedReviewIsWhereTheChangesCountFromAndOnlyExecutivesAndAdminsMarkOne() {
        long program = plan.program();
        problem(exec.get("/api/programs/" + program + "/reviews/latest"), 404);
        var before = RowCounts.now();
        problem(Api.as("lead-support").post("/api/programs/" + program + "/reviews", "{\"note\":\"mine\"}"), 403);
        problem(Api.as("auditor").post("/api/programs/" + program + "/reviews", "{}"), 403);
        assertEquals(before, RowCounts.now());

        JsonNode mark = ok(exec.post("/api/programs/" + program + "/reviews", "{\"note\":\"Q3 board\"}"), 201);
        assertEquals("exec", mark.get("reviewedBy").asText());
        assertEquals(mark, ok(Api.as("auditor").get("/api/programs/" + program + "/reviews/latest"), 200));
        JsonNode changes = ok(Api.as("lead-support").get("/api/programs/" + program + "/changes"), 200);
        assertEquals(mark.get("reviewedAt").asText(), changes.get("from").asText());
        assertEquals("Q3 board", changes.get("since").get("note").asText());
        assertEquals(List.of("note"), problem(exec.post("/api/programs/" + program + "/reviews",
                "{\"note\":\"" + "x".repeat(1001) + "\"}"), 400));
    }

    private JsonNode dashboard(long program, Instant asOf) {
        return ok(exec.get("/api/dashboards/program/" + program + "?asOf=" + asOf), 200);
    }

    /** The one milestone's status, from the program's counts. */
    private static String only(JsonNode dashboard) {
        JsonNode counts = dashboard.get("program").get("counts");
        assertEquals(1, dashboard.get("program").get("milestones").asLong(), dashboard::toString);
        for (var it = counts.properties().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getValue().asLong() == 1) {
                return entry.getKey();
            }
        }
        throw new AssertionError("no status counted: " + counts);
    }

    private JsonNode target(String department, long program, Instant asOf) {
        JsonNode dashboard = ok(exec.get("/api/dashboards/departments/" + department + "?program=" + program + "&asOf="
                + asOf), 200);
        assertEquals(1, dashboard.get("targets").size(), dashboard::toString);
        return dashboard.get("targets").get(0);
    }

    private static List<Long> ids(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.get("milestoneId").asLong()).toList();
    }
}
