package io.cxtracker.it.commitment;

import static io.cxtracker.it.api.Api.etag;
import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The Change endpoints over HTTP with real tokens: support's lead commits to a change answering an insight,
 * moves it with If-Match, and reads the closed loop (insight → commitment → milestone → NPS before and after);
 * maturity assessments and their distribution.
 */
@ExtendWith(ArquillianExtension.class)
class ChangeApiIT {
    private final HttpJson admin = Api.admin();
    private final HttpJson lead = Api.as("lead-support");
    private final Plan plan = new Plan();
    private String theme;
    private long milestone;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void story() {
        String support = plan.demoDepartment("support");
        plan.surveyMetric("nps");
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "CHANGE", support);
        milestone = plan.milestone(initiative, support, Plan.today().plusDays(30)).get("id").asLong();
        theme = Plan.unique("hold-times");
        ok(Api.as("cxtracker-ingest").post("/api/feedback", """
                [{"channel":"CALL","text":"Waited 40 minutes","sentiment":-0.8,"themes":["%s"],"departmentCode":"support",
                  "receivedAt":"%sT09:00:00Z","idempotencyKey":"%s-1"}]""".formatted(theme, Plan.today().minusDays(3), theme)), 200);
    }

    private String commitment(String owner, String state) {
        return """
                {"theme":"%s","title":"Offer a callback after five minutes on hold","ownerDepartment":"%s","due":"%s",
                 "milestoneIds":[%d],"metricKey":"nps"%s}""".formatted(theme, owner, Plan.today().plusDays(60), milestone,
                state == null ? "" : ",\"state\":\"" + state + "\"");
    }

    @Test
    void aLeadCommitsMovesItWithIfMatchAndReadsTheClosedLoop() {
        // a survey answer before the promise (3 days ago: NPS −100), for support; the one after it comes once committed
        String key = Plan.unique("loop");
        ok(Api.as("cxtracker-ingest").post("/api/survey-responses", """
                [{"kind":"NPS","score":2,"answeredAt":"%sT08:00:00Z","departmentCode":"support","source":"it-loop","idempotencyKey":"%s-a"}]"""
                .formatted(Plan.today().minusDays(3), key)), 200);

        var created = lead.post("/api/commitments", commitment("support", null));
        JsonNode made = ok(created, 201);
        assertEquals("PROPOSED", made.get("state").asText());
        assertEquals("lead-support", made.get("createdBy").asText());
        assertTrue(created.header("Location").endsWith("/api/commitments/" + made.get("id").asLong()));
        String path = "/api/commitments/" + made.get("id").asLong();
        String tag = etag(created);
        assertEquals(tag, etag(admin.get(path)));

        assertEquals(List.of("If-Match"), problem(Api.write(lead, "PUT", path, commitment("support", "COMMITTED"), null), 428));
        var committed = Api.write(lead, "PUT", path, commitment("support", "COMMITTED"), tag);
        java.time.LocalDate pivot = java.time.LocalDate.parse(ok(committed, 200).get("committedOn").asText());
        assertTrue(!pivot.isBefore(Plan.today().minusDays(1)) && !pivot.isAfter(Plan.today()), "committed today: " + pivot);
        // after the promise (on its day, NPS 100): placed by the day the server committed on, so a run that crosses
        // midnight between the commit and this answer still puts it on the promise's side of the pivot
        java.time.Instant after = Plan.earlierToday(60);
        if (after.isBefore(pivot.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
            after = pivot.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        ok(Api.as("cxtracker-ingest").post("/api/survey-responses", """
                [{"kind":"NPS","score":10,"answeredAt":"%s","departmentCode":"support","source":"it-loop","idempotencyKey":"%s-b"}]"""
                .formatted(after, key)), 200);
        problem(Api.write(lead, "PUT", path, commitment("support", "IN_PROGRESS"), tag), 412);
        assertEquals(List.of("state"), problem(Api.write(lead, "PUT", path, commitment("support", "PROPOSED"), etag(committed)), 400));
        problem(Api.write(Api.as("lead-marketing"), "PUT", path, commitment("support", "IN_PROGRESS"), etag(committed)), 403);

        JsonNode loop = ok(Api.as("exec").get(path + "/loop?window=30"), 200);
        assertEquals(theme, loop.get("insight").get("theme").asText());
        assertEquals(1, loop.get("insight").get("volume").asLong());
        assertEquals(made.get("id").asLong(), loop.get("commitment").get("id").asLong());
        assertEquals(milestone, loop.get("milestones").get(0).get("milestoneId").asLong());
        assertEquals(pivot.toString(), loop.get("pivot").asText());
        JsonNode nps = loop.get("metrics").get(0);
        assertEquals("nps", nps.get("metricKey").asText());
        assertEquals("support", nps.get("departmentCode").asText());
        assertTrue(nps.get("before").get("count").asLong() >= 1, nps::toString);
        assertTrue(nps.get("after").get("count").asLong() >= 1, nps::toString);
        assertEquals(1, ok(admin.get("/api/commitments?theme=" + theme), 200).get("total").asLong());
        problem(admin.get(path + "/loop?window=0"), 400);
        problem(admin.get("/api/commitments/999999999/loop"), 404);
    }

    @Test
    void leadsWriteOnlyTheirOwnDepartmentsCommitments() {
        long before = Database.count("commitment");
        problem(Api.as("lead-marketing").post("/api/commitments", commitment("support", null)), 403);
        problem(Api.as("exec").post("/api/commitments", commitment("support", null)), 403);
        problem(HttpJson.forBaseUrl().post("/api/commitments", commitment("support", null)), 401);
        assertEquals(List.of("due", "theme", "title"), problem(admin.post("/api/commitments", """
                {"theme":"Not A Theme","title":"","ownerDepartment":"support","due":"someday"}"""), 400));
        assertEquals(before, Database.count("commitment"));
    }

    @Test
    void assessmentsAndTheirDistribution() {
        String answers = "{\"listens\":3,\"measures\":3,\"acts\":3,\"closes-loop\":2,\"owns-moments\":4,\"empathy\":3}";
        LocalDate day = Plan.today().minusDays(10);
        JsonNode before = ok(admin.get("/api/assessments/distribution?asOf=" + Plan.today()), 200);

        var recorded = lead.post("/api/assessments", """
                {"departmentCode":"support","assessedOn":"%s","answers":%s,"notes":"quarterly self-assessment"}"""
                .formatted(day, answers));
        JsonNode made = ok(recorded, 201);
        assertEquals("MATURE", made.get("level").asText());
        assertEquals(3.0, made.get("meanScore").asDouble());
        assertEquals(made.get("id").asLong(), ok(admin.get(recorded.header("Location").replaceAll(".*/api", "/api")), 200)
                .get("id").asLong());
        problem(lead.post("/api/assessments", """
                {"departmentCode":"support","assessedOn":"%s","answers":%s}""".formatted(day, answers)), 409);
        assertEquals(List.of("answers.free-coffee", "assessedOn"), problem(admin.post("/api/assessments", """
                {"departmentCode":"support","assessedOn":"%s","answers":{"listens":1,"measures":1,"acts":1,"closes-loop":1,
                 "owns-moments":1,"empathy":1,"free-coffee":4}}""".formatted(Plan.today().plusDays(2))), 400));
        problem(Api.as("lead-marketing").post("/api/assessments", """
                {"departmentCode":"support","assessedOn":"%s","answers":%s}""".formatted(day.minusDays(1), answers)), 403);

        JsonNode after = ok(admin.get("/api/assessments/distribution?asOf=" + Plan.today()), 200);
        int total = 0;
        for (String level : List.of("IGNORE", "NOVICE", "COMPETENT", "MATURE")) {
            total += after.get("levels").get(level).asInt();
        }
        assertEquals(after.get("assessed").asInt(), total);
        assertEquals(after.get("departments").asInt(), after.get("assessed").asInt() + after.get("unassessed").asInt());
        assertTrue(after.get("assessed").asInt() >= before.get("assessed").asInt());
        assertEquals(6, ok(admin.get("/api/assessments/questions"), 200).size());
        assertTrue(ok(admin.get("/api/assessments?department=support"), 200).get("total").asLong() >= 1);
    }
}
