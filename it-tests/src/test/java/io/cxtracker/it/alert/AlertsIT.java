package io.cxtracker.it.alert;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reminders and alerts through the real WildFly, PostgreSQL and Keycloak. A plan where support does the work of an
 * initiative marketing answers for (and the other way round, marketing informed) shows each rule reaching its RACI
 * parties and nobody else: the check-in reminder the doers (support), due soon and overdue the accountable leads,
 * a target going without data the accountable and informed, an overdue commitment its owner, a lead's override
 * request the approvers, the digest the executives. The rules run twice and store each alert once; preferences
 * silence a kind; read marks are one's own; the schedule lives in db-scheduler's table.
 */
@ExtendWith(ArquillianExtension.class)
class AlertsIT {
    private final HttpJson admin = Api.admin();
    private final HttpJson support = Api.as("lead-support");
    private final HttpJson marketing = Api.as("lead-marketing");
    private final HttpJson exec = Api.as("exec");
    private final Plan plan = new Plan();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void departments() {
        plan.demoDepartment("support");
        plan.demoDepartment("marketing");
    }

    private long initiative(long program, String accountable, String contributor, String role) {
        return ok(admin.post("/api/initiatives", """
                {"programId":%d,"phaseNumber":1,"pillar":"MEASURE","title":"Initiative %s","accountableDepartment":"%s",
                 "raci":{"%s":"%s"}}""".formatted(program, Plan.unique("alerts"), accountable, contributor, role)), 201)
                .get("id").asLong();
    }

    /** "KIND title" of every alert in the caller's inbox whose title names one of the subjects. */
    private static Set<String> inbox(HttpJson caller, String... subjects) {
        JsonNode page = ok(caller.get("/api/alerts?limit=500"), 200);
        Set<String> found = new TreeSet<>();
        for (JsonNode alert : page.get("items")) {
            for (String subject : subjects) {
                if (alert.get("title").asText().contains(subject) || alert.get("body").asText().contains(subject)) {
                    found.add(alert.get("kind").asText() + " " + subject);
                }
            }
        }
        return found;
    }

    private JsonNode evaluate() {
        return ok(admin.request("POST", "/api/alerts/evaluations", null), 200);
    }

    @Test
    void eachRuleReachesItsRaciPartiesAndNobodyElseAndASecondRunStoresNothing() {
        long program = plan.program();
        // support is Responsible in marketing's initiative; marketing is Informed in support's
        long marketingOwns = initiative(program, "marketing", "support", "RESPONSIBLE");
        long supportOwns = initiative(program, "support", "marketing", "INFORMED");

        // a milestone under way, last checked in 20 days ago: its doers (owner support) are reminded
        JsonNode silent = plan.milestone(marketingOwns, "support", Plan.today().plusDays(60));
        String silentTitle = silent.get("title").asText();
        ok(write(support, "POST", "/api/milestones/" + silent.get("id").asLong() + "/check-ins",
                "{\"status\":\"IN_PROGRESS\",\"progress\":30,\"comment\":\"under way\"}", "\"0\""), 201);
        Database.execute("UPDATE milestone SET last_check_in_at = cx_now() - interval '20 days' WHERE id = "
                + silent.get("id").asLong());
        // due in three days: marketing, accountable, hears it; support, responsible, does not
        String dueSoon = plan.milestone(marketingOwns, "support", Plan.today().plusDays(3)).get("title").asText();
        // two days overdue in support's initiative: support (accountable) hears it, marketing (informed) does not
        JsonNode late = plan.milestone(supportOwns, "support", Plan.today().plusDays(30));
        String lateTitle = late.get("title").asText();
        Database.execute("UPDATE milestone SET due_date = current_date - 2 WHERE id = " + late.get("id").asLong());
        // a target of the late milestone without any reading: "no data" for accountable and informed
        String metric = plan.metric("CSAT", "HIGHER_IS_BETTER", "support");
        long target = plan.target(metric, "support", 70, 85, Plan.today().plusDays(120), 5).get("id").asLong();
        ok(write(admin, "POST", "/api/milestones/" + late.get("id").asLong() + "/targets", "{\"targetId\":" + target + "}",
                "\"0\""), 200);
        // marketing's commitment, due yesterday and still open
        // (a commitment answers an insight: customers first mention its theme)
        String theme = Plan.unique("speed");
        ok(admin.post("/api/feedback", """
                [{"channel":"CALL","text":"Nobody called back","sentiment":-0.5,"themes":["%s"],"departmentCode":"marketing",
                  "receivedAt":"%sT09:00:00Z","idempotencyKey":"%s"}]""".formatted(theme, Plan.today().minusDays(1), theme)), 200);
        String commitmentTitle = "Answer within a day " + Plan.unique("c");
        long commitment = ok(admin.post("/api/commitments", """
                {"theme":"%s","title":"%s","ownerDepartment":"marketing","due":"%s"}"""
                .formatted(theme, commitmentTitle, Plan.today().plusDays(10))), 201).get("id").asLong();
        Database.execute("UPDATE commitment SET due_date = current_date - 1 WHERE id = " + commitment);

        JsonNode first = evaluate();
        assertTrue(first.get("stored").asInt() > 0, first::toString);
        JsonNode second = evaluate();
        assertEquals(0, second.get("stored").asInt(), () -> "a second run stored again: " + second);
        // transition rules (a target turned amber/red/no data, a forecast crossed) raise once per change of the
        // watched state, so a second run raises at most what the first did, and stores none of it again
        assertTrue(second.get("raised").asInt() <= first.get("raised").asInt(), second::toString);

        String[] subjects = {silentTitle, dueSoon, lateTitle, metric, commitmentTitle};
        assertEquals(Set.of("CHECK_IN_DUE " + silentTitle, "OVERDUE " + lateTitle, "TARGET_STATUS " + metric),
                inbox(support, subjects));
        assertEquals(Set.of("DUE_SOON " + dueSoon, "TARGET_STATUS " + metric, "COMMITMENT_OVERDUE " + commitmentTitle),
                inbox(marketing, subjects));
        // executives hear of these only in the week's digest, never through the rules of the departments
        assertEquals(Set.of(), inbox(exec, subjects).stream().filter(found -> !found.startsWith("WEEKLY_DIGEST "))
                .collect(java.util.stream.Collectors.toSet()));
        // one row per audience, whatever the number of runs
        assertEquals(1, Database.count("alert WHERE kind = 'CHECK_IN_DUE' AND subject_id = " + silent.get("id").asLong()));

        JsonNode digest = null;
        for (JsonNode alert : ok(exec.get("/api/alerts?limit=500"), 200).get("items")) {
            if (alert.get("kind").asText().equals("WEEKLY_DIGEST") && alert.get("title").asText().contains("CX ")) {
                digest = alert;
            }
        }
        assertTrue(digest != null, "the executives get the weekly digest");
        assertTrue(digest.get("body").asText().contains("Overdue:"), digest::toString);
    }

    @Test
    void aLeadsOverrideRequestAlertsTheApproversInItsOwnTransactionButNotTheRequester() {
        plan.demoDepartment("support");
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "MEASURE", "support");
        JsonNode milestone = plan.milestone(initiative, "support", Plan.today().plusDays(40));
        String title = milestone.get("title").asText();
        long alertsBefore = Database.count("alert");
        // refused (no reason): no request, and no alert either
        problem(write(support, "POST", "/api/milestones/" + milestone.get("id").asLong() + "/override",
                "{\"status\":\"AT_RISK\"}", "\"0\""), 400);
        assertEquals(alertsBefore, Database.count("alert"));

        ok(write(support, "POST", "/api/milestones/" + milestone.get("id").asLong() + "/override",
                "{\"status\":\"AT_RISK\",\"reason\":\"vendor late\"}", "\"0\""), 202);
        assertEquals(alertsBefore + 2, Database.count("alert"));
        assertEquals(Set.of("APPROVAL_WAITING " + title), inbox(admin, title));
        assertEquals(Set.of("APPROVAL_WAITING " + title), inbox(exec, title));
        assertEquals(Set.of(), inbox(support, title));
        assertEquals(Set.of(), inbox(marketing, title));
    }

    @Test
    void readMarksAreOnesOwnAndTheBellCountsTheUnread() {
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "MEASURE", "support");
        JsonNode milestone = plan.milestone(initiative, "support", Plan.today().plusDays(40));
        ok(write(support, "POST", "/api/milestones/" + milestone.get("id").asLong() + "/override",
                "{\"status\":\"AT_RISK\",\"reason\":\"bell\"}", "\"0\""), 202);
        long adminUnread = ok(admin.get("/api/alerts/unread-count"), 200).get("unread").asLong();
        long execUnread = ok(exec.get("/api/alerts/unread-count"), 200).get("unread").asLong();
        long alert = -1;
        for (JsonNode a : ok(admin.get("/api/alerts?unreadOnly=true&limit=500"), 200).get("items")) {
            if (a.get("title").asText().contains(milestone.get("title").asText())) {
                alert = a.get("id").asLong();
            }
        }
        assertTrue(alert > 0, "the admin's inbox has the request");
        JsonNode read = ok(admin.request("POST", "/api/alerts/" + alert + "/read", null), 200);
        assertTrue(read.get("read").asBoolean());
        ok(admin.request("POST", "/api/alerts/" + alert + "/read", null), 200);
        assertEquals(adminUnread - 1, ok(admin.get("/api/alerts/unread-count"), 200).get("unread").asLong());
        assertEquals(execUnread, ok(exec.get("/api/alerts/unread-count"), 200).get("unread").asLong(),
                "the executive's own copy stays unread");
        // somebody else's alert is not found, not forbidden: nobody learns what others are told
        assertEquals(404, exec.request("POST", "/api/alerts/" + alert + "/read", null).status());
        assertEquals(403, Api.as("cxtracker-ingest").get("/api/alerts").status());
        problem(admin.get("/api/alerts?unreadOnly=maybe&limit=0"), 400);
    }

    @Test
    void aSilencedKindLeavesTheInboxAndTheCountUntilItIsTurnedBackOn() {
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "MEASURE", "support");
        JsonNode milestone = plan.milestone(initiative, "support", Plan.today().plusDays(40));
        String title = milestone.get("title").asText();
        ok(write(support, "POST", "/api/milestones/" + milestone.get("id").asLong() + "/override",
                "{\"status\":\"AT_RISK\",\"reason\":\"silence\"}", "\"0\""), 202);
        long unread = ok(exec.get("/api/alerts/unread-count"), 200).get("unread").asLong();
        List<String> bad = problem(exec.request("PUT", "/api/alert-preferences", """
                {"preferences":[{"kind":"APPROVAL_WAITING","channel":"PIGEON","frequency":"HOURLY"},{"kind":"NOPE","channel":"OFF","frequency":"OFF"}]}"""), 400);
        assertEquals(List.of("preferences[0].channel", "preferences[0].frequency", "preferences[1].kind"), bad);

        JsonNode after = ok(exec.request("PUT", "/api/alert-preferences", """
                {"preferences":[{"kind":"APPROVAL_WAITING","channel":"OFF","frequency":"IMMEDIATE"}]}"""), 200);
        List<String> approval = new ArrayList<>();
        after.forEach(p -> {
            if (p.get("kind").asText().equals("APPROVAL_WAITING")) {
                approval.add(p.get("channel").asText());
            }
        });
        assertEquals(List.of("OFF"), approval);
        assertEquals(Set.of(), inbox(exec, title));
        assertTrue(ok(exec.get("/api/alerts/unread-count"), 200).get("unread").asLong() < unread);
        assertEquals(Set.of("APPROVAL_WAITING " + title), inbox(admin, title), "the admin's preferences are their own");

        ok(exec.request("PUT", "/api/alert-preferences", """
                {"preferences":[{"kind":"APPROVAL_WAITING","channel":"IN_APP","frequency":"IMMEDIATE"}]}"""), 200);
        assertEquals(Set.of("APPROVAL_WAITING " + title), inbox(exec, title));
        assertEquals(unread, ok(exec.get("/api/alerts/unread-count"), 200).get("unread").asLong());
    }

    @Test
    void theScheduleIsKeptInDbSchedulersTableAndHasRun() throws InterruptedException {
        // the run's first deployment started the recurring task; one node claims each execution
        String lastSuccess = "<none>";
        for (int i = 0; i < 60 && (lastSuccess.equals("<none>") || lastSuccess.equals("<null>")); i++) {
            lastSuccess = Database.value("SELECT last_success FROM scheduled_tasks WHERE task_name = 'alert-rules'");
            if (lastSuccess.equals("<none>") || lastSuccess.equals("<null>")) {
                Thread.sleep(1000);
            }
        }
        assertFalse(lastSuccess.equals("<none>") || lastSuccess.equals("<null>"), "alert-rules never ran: " + lastSuccess);
        assertEquals("1", Database.value("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'alert-rules'"));
    }
}
