package io.cxtracker.it.milestone;

import static io.cxtracker.it.api.Api.etag;
import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static io.cxtracker.it.api.Api.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.api.RowCounts;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Milestones over HTTP: the program admin adds them; support's lead (lead-support) checks in, overrides
 * and links targets on support's milestones, with the ETag of the version read; others only read.
 */
@ExtendWith(ArquillianExtension.class)
class MilestoneApiIT {
    private static final String CHECK_IN = """
            {"status":"IN_PROGRESS","progress":40,"comment":"first survey wave sent","evidence":["https://intranet.example.com/wave-1"]}""";

    private final HttpJson admin = Api.admin();
    private final HttpJson lead = Api.as("lead-support");
    private final Plan plan = new Plan();
    private long program;
    private long initiative;
    private LocalDate due;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void setUp() {
        plan.demoDepartment("support");
        plan.demoDepartment("marketing");
        program = plan.program();
        initiative = plan.initiative(program, 1, "MEASURE", "support");
        due = Plan.today().plusDays(60);
    }

    private long milestone() {
        return plan.milestone(initiative, "support", due).get("id").asLong();
    }

    @Test
    void aMilestoneIsAddedReadAndListedWithItsStatus() {
        var created = admin.post("/api/milestones", """
                {"initiativeId":%d,"title":"Survey after every contact","ownerDepartment":"support","ownerPerson":"alice",
                 "due":"%s","weight":2.5}""".formatted(initiative, due));
        JsonNode milestone = ok(created, 201);
        long id = milestone.get("id").asLong();
        assertTrue(created.header("Location").endsWith("/api/milestones/" + id), created::toString);
        assertEquals("\"0\"", etag(created));
        assertEquals("NOT_STARTED", milestone.get("status").asText());
        assertEquals("NOT_STARTED", milestone.get("derivedStatus").asText());
        assertEquals(2.5, milestone.get("weight").asDouble());

        var read = Api.as("auditor").get("/api/milestones/" + id);
        assertEquals("Survey after every contact", ok(read, 200).get("title").asText());
        assertEquals("\"0\"", etag(read));

        String scope = "/api/milestones?program=" + program + "&department=support&pillar=measure&phase=1";
        JsonNode list = ok(admin.get(scope + "&dueAfter=" + due + "&dueBefore=" + due), 200);
        assertEquals(1, list.get("total").asLong());
        assertEquals(id, list.get("items").get(0).get("id").asLong());
        assertEquals("NOT_STARTED", list.get("items").get(0).get("status").asText());
        assertEquals(1, ok(admin.get(scope + "&status=NOT_STARTED,AT_RISK"), 200).get("total").asLong());
        assertEquals(0, ok(admin.get(scope + "&status=DONE"), 200).get("total").asLong());
        assertEquals(0, ok(admin.get(scope + "&dueAfter=" + due.plusDays(1)), 200).get("total").asLong());
        assertEquals(0, ok(admin.get("/api/milestones?program=" + program + "&pillar=LISTEN"), 200).get("total").asLong());

        assertEquals(List.of("dueAfter", "phase", "pillar", "status"),
                problem(admin.get("/api/milestones?pillar=SING&phase=zero&status=SOMEDAY&dueAfter=tomorrow"), 400));
        assertEquals(List.of("dueBefore"), problem(admin.get("/api/milestones?dueAfter=2026-05-01&dueBefore=2026-04-01"), 400));
        assertEquals(List.of("sort"), problem(admin.get("/api/milestones?sort=weight"), 400));
        problem(admin.get("/api/milestones/999999999"), 404);
    }

    @Test
    void supportsLeadCannotCheckInOnAMarketingMilestone() {
        long marketingInitiative = plan.initiative(program, 1, "LISTEN", "marketing");
        long id = plan.milestone(marketingInitiative, "marketing", due).get("id").asLong();
        String path = "/api/milestones/" + id + "/check-ins";
        var before = RowCounts.now();

        problem(write(lead, "POST", path, CHECK_IN, "\"0\""), 403);

        assertEquals(before, RowCounts.now(), "a refused check-in leaves no check-in, evidence nor audit record");
        JsonNode unchanged = ok(admin.get("/api/milestones/" + id), 200);
        assertEquals("NOT_STARTED", unchanged.get("status").asText());
        assertEquals(0, unchanged.get("checkInCount").asInt());
        // the owner's own lead may: the refusal was about the department, not the request
        ok(write(Api.as("lead-marketing"), "POST", path, CHECK_IN, "\"0\""), 201);
    }

    @Test
    void theOwningLeadChecksInWithTheCurrentETag() {
        long id = milestone();
        String path = "/api/milestones/" + id + "/check-ins";
        var before = RowCounts.now();
        problem(write(lead, "POST", path, CHECK_IN, null), 428);
        problem(write(lead, "POST", path, CHECK_IN, "\"7\""), 412);
        problem(write(Api.as("lead-marketing"), "POST", path, CHECK_IN, "\"0\""), 403);
        problem(write(Api.as("exec"), "POST", path, CHECK_IN, "\"0\""), 403);
        problem(write(Api.as("auditor"), "POST", path, CHECK_IN, "\"0\""), 403);
        problem(write(lead, "POST", "/api/milestones/999999999/check-ins", CHECK_IN, "\"0\""), 404);
        assertEquals(before, RowCounts.now());

        var checkedIn = write(lead, "POST", path, CHECK_IN, "\"0\"");
        JsonNode milestone = ok(checkedIn, 201);
        assertTrue(checkedIn.header("Location").endsWith(path + "/1"), checkedIn::toString);
        assertEquals("\"1\"", etag(checkedIn));
        assertEquals("IN_PROGRESS", milestone.get("status").asText());
        assertEquals(40, milestone.get("progress").asInt());
        assertEquals(1, milestone.get("checkInCount").asInt());

        JsonNode checkIns = ok(admin.get(path), 200);
        assertEquals(1, checkIns.size());
        assertEquals("lead-support", checkIns.get(0).get("author").asText());
        assertEquals("first survey wave sent", ok(Api.as("exec").get(path + "/1"), 200).get("comment").asText());
        problem(admin.get(path + "/2"), 404);

        var stale = write(lead, "POST", path, CHECK_IN, "\"0\"");
        assertEquals(List.of("If-Match"), problem(stale, 412));
        assertEquals("\"1\"", etag(stale));
    }

    @Test
    void aCheckInBodyNamesEveryBadField() {
        long id = milestone();
        var before = RowCounts.now();
        var bad = write(lead, "POST", "/api/milestones/" + id + "/check-ins", """
                {"status":"FINISHED","progress":101,"comment":{"text":"x"},"mood":"great"}""", "\"0\"");
        assertEquals(List.of("comment", "mood", "progress", "status"), problem(bad, 400));
        var badLink = write(lead, "POST", "/api/milestones/" + id + "/check-ins", """
                {"status":"DONE","progress":100,"evidence":["ftp://example.com/x"]}""", "\"0\"");
        assertEquals(List.of("evidence[0]"), problem(badLink, 400));
        assertEquals(before, RowCounts.now());
    }

    @Test
    void anOverrideNeedsAReasonAndCanBeCleared() {
        long id = milestone();
        String path = "/api/milestones/" + id + "/override";
        assertEquals(List.of("reason", "status"), problem(write(lead, "POST", path, "{\"status\":\"PAUSED\"}", "\"0\""), 400));

        // a program admin's override applies at once (a lead's is a request: see ApprovalApiIT)
        var overridden = write(admin, "POST", path, """
                {"status":"AT_RISK","reason":"survey vendor changes in May"}""", "\"0\"");
        JsonNode milestone = ok(overridden, 200);
        assertEquals("AT_RISK", milestone.get("status").asText());
        assertEquals("NOT_STARTED", milestone.get("derivedStatus").asText());
        assertEquals("survey vendor changes in May", milestone.get("override").get("reason").asText());
        assertEquals("admin", milestone.get("override").get("by").asText());

        problem(write(lead, "DELETE", path, null, null), 428);
        var cleared = write(lead, "DELETE", path, null, etag(overridden));
        assertEquals("NOT_STARTED", ok(cleared, 200).get("status").asText());
        assertTrue(ok(admin.get("/api/milestones/" + id), 200).get("override").isNull());
    }

    @Test
    void linkedTargetsDecideTheStatusAndAreListedWithTheirVerdicts() {
        long id = milestone();
        String metric = plan.metric("CSAT", "HIGHER_IS_BETTER", "support");
        long target = plan.target(metric, "support", 70, 80, due, 2).get("id").asLong();
        String path = "/api/milestones/" + id + "/targets";

        assertEquals(List.of("targetId"), problem(write(lead, "POST", path, "{\"targetId\":999999999}", "\"0\""), 400));
        assertEquals(List.of("targetId"), problem(write(lead, "POST", path, "{\"targetId\":\"x\"}", "\"0\""), 400));
        var linked = write(lead, "POST", path, "{\"targetId\":" + target + "}", "\"0\"");
        JsonNode milestone = ok(linked, 200);
        assertEquals(target, milestone.get("targets").get(0).get("targetId").asLong());

        JsonNode targets = ok(Api.as("exec").get(path), 200);
        assertEquals(1, targets.size());
        assertEquals("NO_DATA", targets.get(0).get("evaluation").get("rag").asText());
        assertTrue(targets.get(0).get("evaluation").get("current").isNull());
        assertEquals(1, Database.count("milestone_target where milestone_id = " + id));

        problem(write(admin, "DELETE", path + "/" + target, null, "\"0\""), 412);
        var unlinked = write(admin, "DELETE", path + "/" + target, null, etag(linked));
        assertEquals(0, ok(unlinked, 200).get("targets").size());
        assertEquals(0, Database.count("milestone_target where milestone_id = " + id));
    }

    @Test
    void aRevisionReplacesThePlanWithinTheLeadsDepartments() {
        long id = milestone();
        String path = "/api/milestones/" + id;
        String body = """
                {"title":"Survey after every contact, all channels","ownerDepartment":"%s","ownerPerson":"bob","due":"%s"}""";
        var before = RowCounts.now();
        assertEquals(List.of("due"), problem(write(lead, "PUT", path, body.formatted("support", "2099-01-01"), "\"0\""), 400));
        problem(write(lead, "PUT", path, body.formatted("marketing", due), "\"0\""), 403);
        problem(write(Api.as("lead-marketing"), "PUT", path, body.formatted("support", due), "\"0\""), 403);
        assertEquals(List.of("initiativeId"), problem(write(lead, "PUT", path,
                "{\"initiativeId\":1,\"title\":\"t\",\"ownerDepartment\":\"support\",\"ownerPerson\":\"bob\",\"due\":\"" + due + "\"}",
                "\"0\""), 400));
        assertEquals(before, RowCounts.now());

        var revised = write(lead, "PUT", path, body.formatted("support", due.plusDays(7)), "\"0\"");
        JsonNode milestone = ok(revised, 200);
        assertEquals("bob", milestone.get("ownerPerson").asText());
        assertEquals(due.plusDays(7).toString(), milestone.get("due").asText());
        assertEquals(0, milestone.get("evidence").size(), "every field is replaced: no evidence clears it");
        assertEquals("\"1\"", etag(revised));
    }

    @Test
    void concurrentWritesWithTheSameETagNeverLoseAnUpdate() throws Exception {
        long id = milestone();
        String path = "/api/milestones/" + id + "/check-ins";
        long before = Database.count("check_in where milestone_id = " + id);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpJson.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                String body = CHECK_IN.replace("40", String.valueOf(10 + i));
                Callable<HttpJson.Reply> call = () -> {
                    start.await();
                    return write(lead, "POST", path, body, "\"0\"");
                };
                replies.add(pool.submit(call));
            }
            start.countDown();
            int created = 0;
            for (Future<HttpJson.Reply> reply : replies) {
                HttpJson.Reply r = reply.get();
                if (r.status() == 201) {
                    created++;
                } else {
                    assertTrue(r.status() == 412 || r.status() == 409, r::toString);
                    problem(r, r.status());
                }
            }
            assertEquals(1, created, "exactly one writer saw version 0 win");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, Database.count("check_in where milestone_id = " + id));
        assertEquals("\"1\"", etag(admin.get("/api/milestones/" + id)));
    }

    @Test
    void onlyProgramAdminsAddMilestones() {
        var before = RowCounts.now();
        String body = """
                {"initiativeId":%d,"title":"Mine","ownerDepartment":"support","ownerPerson":"lee","due":"%s"}""".formatted(initiative, due);
        for (String caller : List.of("lead-support", "exec", "auditor", "visitor", "cxtracker-ingest")) {
            problem(Api.as(caller).post("/api/milestones", body), 403);
        }
        problem(admin.post("/api/milestones", body.replace("\"initiativeId\":" + initiative, "\"initiativeId\":999999999")), 404);
        assertEquals(List.of("due", "ownerDepartment", "ownerPerson", "title"), problem(admin.post("/api/milestones", """
                {"initiativeId":%d,"title":" ","ownerDepartment":"Support!","ownerPerson":null,"due":"someday"}"""
                .formatted(initiative)), 400));
        assertEquals(before, RowCounts.now());
    }
}
