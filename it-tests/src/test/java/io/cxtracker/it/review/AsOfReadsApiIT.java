package io.cxtracker.it.review;

import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static io.cxtracker.it.api.Api.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.RunClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The accountability, roadmap and metrics reads as of an instant, through the real server: a milestone is checked in
 * (A), then overridden (B); a reading for an earlier day arrives after C; the target is raised after D; a second
 * check-in comes last. Each read as of an instant between two acts shows exactly the state of then, and a bad or
 * future asOf is a 400 naming it. An initiative renamed and handed over, and its program renamed, read as they were.
 */
@ExtendWith(ArquillianExtension.class)
class AsOfReadsApiIT {

    private final HttpJson admin = Api.admin();
    private final HttpJson exec = Api.as("exec");
    private final Plan plan = new Plan();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void eachReadAsOfAnInstantBetweenTwoActsShowsTheStateOfThen() throws Exception {
        long program = plan.program();
        String care = plan.department("care");
        long initiative = plan.initiative(program, 1, "MEASURE", care);
        long vendor = plan.milestone(initiative, care, Plan.today().plusDays(60)).get("id").asLong();
        String metric = plan.metric("CSAT", "HIGHER_IS_BETTER", care);
        Instant beforeTarget = RunClock.between();
        JsonNode target = plan.target(metric, care, 70, 80, Plan.today().plusDays(200), 2);
        long targetId = target.get("id").asLong();

        Instant planned = RunClock.between();
        var checkedIn = write(admin, "POST", "/api/milestones/" + vendor + "/check-ins",
                "{\"status\":\"IN_PROGRESS\",\"progress\":40,\"comment\":\"shortlist of two\"}", "\"0\"");
        ok(checkedIn, 201);
        Instant afterCheckIn = RunClock.between();
        var overridden = write(admin, "POST", "/api/milestones/" + vendor + "/override",
                "{\"status\":\"BLOCKED\",\"reason\":\"both vendors withdrew\"}", Api.etag(checkedIn));
        ok(overridden, 200);
        Instant afterOverride = RunClock.between();
        LocalDate earlierDay = Plan.today().minusDays(8);
        ok(Api.as("cxtracker-ingest").post("/api/metrics/" + metric + "/readings", """
                [{"day":"%s","departmentCode":"%s","idempotencyKey":"late-%s","statistics":{"satisfied":82,"responses":100}}]"""
                .formatted(earlierDay, care, metric)), 200);
        Instant afterReading = RunClock.between();
        ok(write(admin, "PUT", "/api/targets/" + targetId, """
                {"baseline":70,"targetValue":90,"due":"%s","amberTolerance":2,"windowDays":30}"""
                .formatted(Plan.today().plusDays(200)), "\"" + target.get("version").asLong() + "\""), 200);
        Instant afterEdit = RunClock.between();
        ok(write(admin, "POST", "/api/milestones/" + vendor + "/check-ins",
                "{\"status\":\"IN_PROGRESS\",\"progress\":60,\"comment\":\"a third vendor\"}", Api.etag(overridden)), 201);

        // the department's milestone list (accountability view, roadmap): the check-in's state between A and B
        String list = "/api/milestones?department=" + care + "&program=" + program;
        assertEquals("NOT_STARTED", onlyStatus(list, planned));
        assertEquals("IN_PROGRESS", onlyStatus(list, afterCheckIn));
        assertTrue(onlyItem(list, afterCheckIn).get("override").isNull(), "no override yet between A and B");
        assertEquals("BLOCKED", onlyStatus(list, afterOverride));
        assertEquals("both vendors withdrew", onlyItem(list, afterOverride).get("override").get("reason").asText());
        assertEquals(afterCheckIn.toString().substring(0, 10), onlyItem(list, afterCheckIn).get("asOf").asText());
        assertEquals(List.of(), statuses(ok(exec.get(list + "&asOf=" + beforeTarget + "&status=BLOCKED"), 200)));
        assertEquals(List.of("BLOCKED"), statuses(ok(exec.get(list + "&asOf=" + afterOverride + "&status=BLOCKED"), 200)));

        // the check-ins made by then: none, the first, and both only now
        String checkIns = "/api/milestones/" + vendor + "/check-ins";
        assertEquals(List.of(), comments(ok(exec.get(checkIns + "?asOf=" + planned), 200)));
        assertEquals(List.of("shortlist of two"), comments(ok(exec.get(checkIns + "?asOf=" + afterCheckIn), 200)));
        assertEquals(List.of("shortlist of two"), comments(ok(exec.get(checkIns + "?asOf=" + afterEdit), 200)));
        assertEquals(List.of("shortlist of two", "a third vendor"), comments(ok(exec.get(checkIns), 200)));

        // the series: the reading for an earlier day is absent as of before it arrived (C), present after
        String series = "/api/metrics/" + metric + "/series?from=" + Plan.today().minusDays(30) + "&to=" + Plan.today()
                + "&department=" + care;
        JsonNode beforeReading = ok(exec.get(series + "&asOf=" + afterOverride), 200);
        assertEquals(0, beforeReading.get("points").size(), beforeReading::toString);
        JsonNode withReading = ok(exec.get(series + "&asOf=" + afterReading), 200);
        assertEquals(1, withReading.get("points").size(), withReading::toString);
        assertEquals(earlierDay.toString(), withReading.get("points").get(0).get("start").asText());
        assertEquals(82.0, withReading.get("points").get(0).get("value").asDouble(), 1e-9);
        assertEquals(1, ok(exec.get(series + "&granularity=month&asOf=" + afterReading), 200).get("points").size());
        // … and its targets with the numbers of then: 80 before the edit (D), 90 after
        assertEquals(80.0, withReading.get("targets").get(0).get("targetValue").asDouble());
        assertEquals(90.0, ok(exec.get(series + "&asOf=" + afterEdit), 200).get("targets").get(0).get("targetValue").asDouble());

        // the metric's targets and the one target: old numbers as of D, the late reading only after C, unset before
        String metricTargets = "/api/metrics/" + metric + "/targets?department=" + care;
        JsonNode atD = only(ok(exec.get(metricTargets + "&asOf=" + afterReading), 200));
        assertEquals(80.0, atD.get("targetValue").asDouble());
        assertEquals(82.0, atD.get("evaluation").get("current").asDouble(), 1e-9);
        JsonNode atC = only(ok(exec.get(metricTargets + "&asOf=" + afterOverride), 200));
        JsonNode unknown = atC.get("evaluation").path("current");
        assertTrue(unknown.isNull() || unknown.isMissingNode(), atC::toString);
        assertEquals(90.0, only(ok(exec.get(metricTargets), 200)).get("targetValue").asDouble());
        assertEquals(0, ok(exec.get(metricTargets + "&asOf=" + beforeTarget), 200).size());

        var targetThen = exec.get("/api/targets/" + targetId + "?asOf=" + afterReading);
        assertEquals(80.0, ok(targetThen, 200).get("targetValue").asDouble());
        assertEquals(afterReading.toString().substring(0, 10), ok(targetThen, 200).get("evaluation").get("asOf").asText());
        assertNull(targetThen.header("ETag"), "a record of the past is no basis for a revision");
        assertEquals(90.0, ok(exec.get("/api/targets/" + targetId + "?asOf=" + afterEdit), 200).get("targetValue").asDouble());
        problem(exec.get("/api/targets/" + targetId + "?asOf=" + beforeTarget), 404);

        // the list of targets: each with its numbers and verdict of then, none before it was set, no ETag
        String targets = "/api/targets?metric=" + metric;
        var listThen = exec.get(targets + "&asOf=" + afterReading);
        JsonNode pageThen = ok(listThen, 200);
        assertEquals(1, pageThen.get("total").asLong(), pageThen::toString);
        assertEquals(80.0, pageThen.get("items").get(0).get("targetValue").asDouble());
        assertEquals(82.0, pageThen.get("items").get(0).get("evaluation").get("current").asDouble(), 1e-9);
        assertNull(listThen.header("ETag"));
        assertEquals(90.0, ok(exec.get(targets + "&asOf=" + afterEdit), 200).get("items").get(0).get("targetValue").asDouble());
        assertEquals(90.0, ok(exec.get(targets), 200).get("items").get(0).get("targetValue").asDouble());
        assertEquals(0, ok(exec.get(targets + "&asOf=" + beforeTarget), 200).get("total").asLong());

        // a day to come, or text that is neither a day nor an instant, is a 400 naming asOf on every read
        for (String read : List.of(list + "&", checkIns + "?", series + "&", metricTargets + "&", "/api/targets/" + targetId + "?",
                targets + "&", "/api/initiatives?program=" + program + "&", "/api/initiatives/" + initiative + "?",
                "/api/dashboards/program/" + program + "?")) {
            assertEquals(List.of("asOf"), problem(exec.get(read + "asOf=" + Plan.today().plusDays(2)), 400), read);
            assertEquals(List.of("asOf"), problem(exec.get(read + "asOf=30.06.2026"), 400), read);
        }
    }

    @Test
    void anInitiativeRenamedAndHandedOverReadsAsItWasBeforeAndAsItIsAfter() throws Exception {
        long program = plan.program();
        String care = plan.department("care");
        String ops = plan.department("ops");
        long initiative = plan.initiative(program, 1, "MEASURE", care);
        plan.milestone(initiative, care, Plan.today().plusDays(60));
        var created = admin.get("/api/initiatives/" + initiative);
        String title = ok(created, 200).get("title").asText();
        var withOps = write(admin, "PUT", "/api/initiatives/" + initiative + "/raci/" + ops, "{\"role\":\"RESPONSIBLE\"}",
                Api.etag(created));
        ok(withOps, 200);
        var programRead = admin.get("/api/programs/" + program);
        String programName = ok(programRead, 200).get("name").asText();

        Instant between = RunClock.between();
        // B: renamed, moved to LISTEN in phase 2, handed to ops, and the program renamed
        var renamed = write(admin, "PUT", "/api/initiatives/" + initiative,
                "{\"title\":\"Listen after every contact\",\"pillar\":\"LISTEN\",\"phaseNumber\":2}", Api.etag(withOps));
        ok(renamed, 200);
        ok(write(admin, "PUT", "/api/initiatives/" + initiative + "/raci/" + ops, "{\"role\":\"ACCOUNTABLE\"}",
                Api.etag(renamed)), 200);
        ok(write(admin, "PUT", "/api/programs/" + program, "{\"name\":\"" + programName + " renamed\"}",
                Api.etag(programRead)), 200);
        Instant after = RunClock.between();

        // the initiative: title, pillar, phase and RACI of then; no ETag on a record of the past
        var then = exec.get("/api/initiatives/" + initiative + "?asOf=" + between);
        JsonNode old = ok(then, 200);
        assertEquals(title, old.get("title").asText());
        assertEquals("MEASURE", old.get("pillar").asText());
        assertEquals(1, old.get("phaseNumber").asInt());
        assertEquals(care, old.get("accountableDepartment").asText());
        assertEquals("ACCOUNTABLE", old.get("raci").get(care).asText());
        assertEquals("RESPONSIBLE", old.get("raci").get(ops).asText());
        assertNull(then.header("ETag"), "a record of the past is no basis for a revision");
        for (JsonNode now : List.of(ok(exec.get("/api/initiatives/" + initiative + "?asOf=" + after), 200),
                ok(exec.get("/api/initiatives/" + initiative), 200))) {
            assertEquals("Listen after every contact", now.get("title").asText());
            assertEquals("LISTEN", now.get("pillar").asText());
            assertEquals(2, now.get("phaseNumber").asInt());
            assertEquals(ops, now.get("accountableDepartment").asText());
            assertEquals(1, now.get("raci").size(), now::toString);
        }

        // the department's RACI list (the accountability view's): care is in it as of then, not after
        String ofCare = "/api/initiatives?program=" + program + "&department=" + care;
        assertEquals(1, ok(exec.get(ofCare + "&asOf=" + between), 200).get("total").asLong());
        assertEquals(0, ok(exec.get(ofCare + "&asOf=" + after), 200).get("total").asLong());
        assertEquals(0, ok(exec.get(ofCare), 200).get("total").asLong());

        // the program dashboard and the milestone list: the initiative's title and pillar, the program's name of then
        String dashboard = "/api/dashboards/program/" + program;
        JsonNode dashboardThen = ok(exec.get(dashboard + "?asOf=" + between), 200);
        assertEquals(programName, dashboardThen.get("programName").asText());
        assertEquals(title, dashboardThen.get("byInitiative").get(0).get("label").asText());
        JsonNode dashboardAfter = ok(exec.get(dashboard + "?asOf=" + after), 200);
        assertEquals(programName + " renamed", dashboardAfter.get("programName").asText());
        assertEquals("Listen after every contact", dashboardAfter.get("byInitiative").get(0).get("label").asText());
        String milestones = "/api/milestones?program=" + program;
        assertEquals("MEASURE", onlyItem(milestones, between).get("pillar").asText());
        assertEquals("LISTEN", onlyItem(milestones, after).get("pillar").asText());
        assertEquals(2, onlyItem(milestones, after).get("phaseNumber").asInt());
    }

    private JsonNode onlyItem(String list, Instant asOf) {
        JsonNode page = ok(exec.get(list + "&asOf=" + asOf), 200);
        assertEquals(1, page.get("total").asLong(), page::toString);
        return page.get("items").get(0);
    }

    private String onlyStatus(String list, Instant asOf) {
        return onlyItem(list, asOf).get("status").asText();
    }

    private static JsonNode only(JsonNode array) {
        assertEquals(1, array.size(), array::toString);
        return array.get(0);
    }

    private static List<String> statuses(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false)
                .map(n -> n.get("status").asText()).toList();
    }

    private static List<String> comments(JsonNode checkIns) {
        return java.util.stream.StreamSupport.stream(checkIns.spliterator(), false)
                .map(n -> n.get("comment").asText()).toList();
    }
}
