package io.cxtracker.it.dashboard;

import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        upcoming = plan.milestone(initiative, care, Plan.today().plusDays(60)).get("id").asLong();
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
