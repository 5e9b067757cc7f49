package io.cxtracker.it.dashboard;

import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboards over HTTP. Care owns two milestones of a LISTEN initiative: one was due yesterday and never
 * checked in (OVERDUE, red), one is due in two months (NOT_STARTED, neutral). Red is half the weight, more than
 * a third: the program is red, and the overdue milestone heads the attention list.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardApiIT {

    private final HttpJson exec = Api.as("exec");
    private final Plan plan = new Plan();
    private long program;
    private String care;
    private long overdue;
    private long upcoming;
    private long upcomingVersion;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void setUp() {
        program = plan.program();
        care = plan.department("care");
        long initiative = plan.initiative(program, 1, "LISTEN", care);
        overdue = plan.milestone(initiative, care, Plan.today().minusDays(1)).get("id").asLong();
        JsonNode upcomingMilestone = plan.milestone(initiative, care, Plan.today().plusDays(60));
        upcoming = upcomingMilestone.get("id").asLong();
        upcomingVersion = upcomingMilestone.get("version").asLong();
    }

    /**
     * Today's dashboards come from each node's read cache while nothing they read has changed (same bytes), and a
     * write committed before a read shows in it at once: a check-in moves a milestone's status, a reading gives a
     * target its first value. Authority is checked on every request, also when the result is kept.
     */
    @Test
    void aRepeatedDashboardIsTheSameBytesAndAWriteShowsAtOnce() {
        String path = "/api/dashboards/program/" + program;
        HttpJson.Reply first = exec.get(path);
        HttpJson.Reply second = exec.get(path);
        assertEquals(200, second.status(), second::toString);
        assertTrue(second.header("Content-Type").startsWith("application/json"), second.header("Content-Type"));
        assertEquals(first.body(), second.body(), "nothing changed: the same JSON");
        assertEquals(1, second.json().get("program").get("counts").get("NOT_STARTED").asLong());
        problem(Api.as("visitor").get(path), 403);

        ok(Api.write(Api.as("admin"), "POST", "/api/milestones/" + upcoming + "/check-ins",
                "{\"status\":\"BLOCKED\",\"progress\":10,\"comment\":\"waiting for the vendor\"}",
                "\"" + upcomingVersion + "\""), 201);
        HttpJson.Reply afterCheckIn = exec.get(path);
        assertNotEquals(second.body(), afterCheckIn.body());
        JsonNode counts = ok(afterCheckIn, 200).get("program").get("counts");
        assertEquals(0, counts.get("NOT_STARTED").asLong(), afterCheckIn::toString);
        assertEquals(1, counts.get("BLOCKED").asLong());
        assertEquals(afterCheckIn.body(), exec.get(path).body(), "kept again until the next change");

        String metric = plan.metric("NPS", "HIGHER_IS_BETTER", care);
        plan.target(metric, care, 10, 30, Plan.today().plusDays(200), 5);
        String department = "/api/dashboards/departments/" + care + "?program=" + program;
        HttpJson.Reply before = Api.as("lead-support").get(department);
        assertEquals("NO_DATA", ok(before, 200).get("targets").get(0).get("evaluation").get("rag").asText());
        assertEquals(before.body(), exec.get(department).body(), "the same whoever reads");
        ok(Api.as("cxtracker-ingest").post("/api/metrics/" + metric + "/readings", """
                [{"day":"%s","departmentCode":"%s","idempotencyKey":"cache-%s","statistics":{"promoters":60,"passives":20,"detractors":20}}]"""
                .formatted(Plan.today().minusDays(1), care, metric)), 200);
        JsonNode after = ok(exec.get(department), 200);
        assertNotEquals("NO_DATA", after.get("targets").get(0).get("evaluation").get("rag").asText(), after::toString);
    }

    /**
     * A milestone page and a metric's trend are kept the same way: the same bytes while nothing changed, a committed
     * check-in or reading at the next read, every request's authority checked.
     */
    @Test
    void aMilestonePageAndASeriesAreKeptUntilAWriteShows() {
        String page = "/api/milestones?program=" + program + "&department=" + care + "&limit=50&sort=due";
        HttpJson.Reply first = exec.get(page);
        assertEquals(first.body(), exec.get(page).body(), "nothing changed: the same page");
        assertEquals("NOT_STARTED", ok(first, 200).get("items").get(1).get("status").asText(), first::toString);
        problem(Api.as("visitor").get(page), 403);
        ok(Api.write(Api.as("admin"), "POST", "/api/milestones/" + upcoming + "/check-ins",
                "{\"status\":\"BLOCKED\",\"progress\":10,\"comment\":\"waiting for the vendor\"}",
                "\"" + upcomingVersion + "\""), 201);
        JsonNode afterCheckIn = ok(exec.get(page), 200);
        assertEquals("BLOCKED", afterCheckIn.get("items").get(1).get("status").asText(), afterCheckIn::toString);

        String metric = plan.metric("NPS", "HIGHER_IS_BETTER", care);
        String series = "/api/metrics/" + metric + "/series?from=" + Plan.today().minusDays(30) + "&to=" + Plan.today()
                + "&department=" + care;
        HttpJson.Reply empty = exec.get(series);
        assertEquals(0, ok(empty, 200).get("points").size(), empty::toString);
        assertEquals(empty.body(), exec.get(series).body(), "nothing changed: the same series");
        assertTrue(empty.header("Content-Type").startsWith("application/json"), empty.header("Content-Type"));
        problem(Api.as("visitor").get(series), 403);
        problem(Api.as("cxtracker-ingest").get(series), 403);
        ok(Api.as("cxtracker-ingest").post("/api/metrics/" + metric + "/readings", """
                [{"day":"%s","departmentCode":"%s","idempotencyKey":"series-%s","statistics":{"promoters":60,"passives":20,"detractors":20}}]"""
                .formatted(Plan.today().minusDays(1), care, metric)), 200);
        JsonNode after = ok(exec.get(series), 200);
        assertEquals(1, after.get("points").size(), after::toString);
        assertEquals(40.0, after.get("points").get(0).get("value").asDouble(), 1e-9, "NPS = 60 % promoters − 20 % detractors");
    }

    @Test
    void theProgramDashboardRollsUpEveryMilestoneAndListsWhatNeedsAttention() {
        JsonNode dashboard = ok(exec.get("/api/dashboards/program/" + program), 200);
        JsonNode whole = dashboard.get("program");
        assertEquals(2, whole.get("milestones").asLong());
        assertEquals(1, whole.get("counts").get("OVERDUE").asLong());
        assertEquals(1, whole.get("counts").get("NOT_STARTED").asLong());
        assertEquals(0, whole.get("counts").get("DONE").asLong());
        assertEquals(0.5, whole.get("redShare").asDouble(), 1e-12);
        assertEquals("RED", whole.get("rag").asText());
        assertEquals(List.of("LISTEN", "MEASURE", "CHANGE"), keys(dashboard.get("byPillar")));
        assertEquals(List.of("1", "2", "3"), keys(dashboard.get("byPhase")));
        assertEquals(List.of(care), keys(dashboard.get("byDepartment")));
        assertEquals(1, dashboard.get("attention").size());
        assertEquals(overdue, dashboard.get("attention").get(0).get("id").asLong());
        assertEquals("OVERDUE", dashboard.get("attention").get(0).get("status").asText());

        problem(exec.get("/api/dashboards/program/999999999"), 404);
    }

    @Test
    void aDepartmentsDashboardShowsWhatItOwnsAndItsTargets() {
        String metric = plan.metric("NPS", "HIGHER_IS_BETTER", care);
        long target = plan.target(metric, care, 10, 30, Plan.today().plusDays(200), 5).get("id").asLong();

        JsonNode dashboard = ok(Api.as("lead-support").get("/api/dashboards/departments/" + care + "?program=" + program), 200);
        assertEquals(care, dashboard.get("department").asText());
        assertEquals(program, dashboard.get("programId").asLong());
        assertEquals(2, dashboard.get("overall").get("milestones").asLong());
        assertEquals(List.of(overdue, upcoming), ids(dashboard.get("milestones")));
        assertEquals(List.of(overdue), ids(dashboard.get("attention")));
        assertEquals(2, dashboard.get("byPillar").get(0).get("rollUp").get("milestones").asLong());
        assertEquals(1, dashboard.get("targets").size());
        assertEquals(target, dashboard.get("targets").get(0).get("id").asLong());
        assertEquals("NO_DATA", dashboard.get("targets").get(0).get("evaluation").get("rag").asText());

        assertEquals(2, ok(exec.get("/api/dashboards/departments/" + care), 200).get("overall").get("milestones").asLong());
        problem(exec.get("/api/dashboards/departments/no-such-department"), 404);
        problem(exec.get("/api/dashboards/departments/" + care + "?program=999999999"), 404);
        assertEquals(List.of("program"), problem(exec.get("/api/dashboards/departments/" + care + "?program=latest"), 400));
    }

    private static List<String> keys(JsonNode groups) {
        List<String> keys = new ArrayList<>();
        groups.forEach(g -> keys.add(g.get("key").asText()));
        return keys;
    }

    private static List<Long> ids(JsonNode milestones) {
        List<Long> ids = new ArrayList<>();
        milestones.forEach(m -> ids.add(m.get("id").asLong()));
        return ids;
    }
}
