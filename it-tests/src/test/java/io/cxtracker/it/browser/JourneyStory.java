package io.cxtracker.it.browser;

import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.RunClock;
import io.cxtracker.it.support.Tokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The program the browser journeys walk through, set up through the REST API as its real users would: Customer
 * Support (led by lead-support) owns a LISTEN and a MEASURE initiative in year one; its first-day resolution has
 * slid from 70% to about 64% over two months while the target is 80% from a baseline of 65% — the forecast misses,
 * so the milestone linked to that target is off track and heads the at-risk list. Support also owns a milestone to
 * check in on, one for the stale-version check, and one that was due five days ago. Marketing owns a CHANGE
 * initiative in year two; a year-three initiative fills the roadmap. Survey answers (NPS, CSAT, CES) and feedback on
 * three themes fill Listen; a commitment answers "long-hold-times" with the check-in milestone. Made once per run.
 */
final class JourneyStory {
    static final String SUPPORT = "support";
    static final String MARKETING = "marketing";
    static final String HOLD_TIMES = "long-hold-times";

    private static JourneyStory story;

    final long program;
    final String programName;
    final String fdr;
    final long atRisk;
    final String atRiskTitle;
    final long checkIn;
    final String checkInTitle;
    final long conflict;
    final String conflictTitle;
    final long overdue;
    /** Checked in on with the keyboard only (its own milestone, so the other journeys' counts stay as they expect). */
    final long keyboard;
    final String keyboardTitle;
    final long commitment;

    private final HttpJson admin = Api.admin();
    private final String run = Plan.unique("run");

    /** The story, made on first use (the deployment is up by then). */
    static synchronized JourneyStory get() {
        if (story == null) {
            story = new JourneyStory();
        }
        return story;
    }

    private JourneyStory() {
        Plan plan = new Plan();
        department(SUPPORT, "Customer Support");
        department(MARKETING, "Marketing");
        programName = "CX Transformation " + Plan.programStart().getYear() + "–" + (Plan.programStart().getYear() + 2);
        program = ok(admin.post("/api/programs", "{\"name\":\"" + programName + "\",\"startDate\":\"" + Plan.programStart() + "\"}"),
                201).get("id").asLong();

        long listen = initiative(1, "LISTEN", "Hear every caller within a day", SUPPORT, "{\"marketing\":\"INFORMED\"}");
        long measure = initiative(1, "MEASURE", "Resolve billing calls on the first day", SUPPORT, "{\"marketing\":\"CONSULTED\"}");
        long change = initiative(2, "CHANGE", "Bills customers understand", MARKETING, "{\"support\":\"RESPONSIBLE\"}");
        long sustain = initiative(3, "MEASURE", "Keep NPS above 40 in every channel", SUPPORT, "{}");

        plan.surveyMetric("nps");
        plan.surveyMetric("csat");
        plan.surveyMetric("ces");
        fdr = "fdr";
        var defined = admin.post("/api/metrics", """
                {"key":"%s","name":"First-day resolution","unit":"%%","kind":"RATIO","direction":"HIGHER_IS_BETTER",
                 "ownerDepartment":"support","expectedFrequency":"DAILY"}""".formatted(fdr));
        assertTrue(defined.status() == 201 || defined.status() == 409, defined::toString);
        firstDayResolutionSlides();
        long fdrTarget = plan.target(fdr, SUPPORT, 65, 80, Plan.today().plusDays(150), 3).get("id").asLong();
        plan.target("nps", null, 20, 45, Plan.programStart().plusYears(1).minusDays(1), 5);
        plan.target("csat", SUPPORT, 60, 85, Plan.today().plusDays(200), 3);
        plan.target("csat", null, 60, 80, Plan.programStart().plusYears(1).minusDays(1), 3);

        atRiskTitle = "Resolve 80% of billing calls on the first day";
        atRisk = milestone(measure, SUPPORT, atRiskTitle, Plan.today().plusDays(120));
        ok(Api.write(admin, "POST", "/api/milestones/" + atRisk + "/targets", "{\"targetId\":" + fdrTarget + "}", "\"0\""), 200);
        checkInTitle = "Publish the callback script";
        checkIn = milestone(listen, SUPPORT, checkInTitle, Plan.today().plusDays(30));
        conflictTitle = "Train the night shift on refunds";
        conflict = milestone(listen, SUPPORT, conflictTitle, Plan.today().plusDays(45));
        overdue = milestone(listen, SUPPORT, "Hold-time dashboard live", Plan.today().minusDays(5));
        keyboardTitle = "Announce the expected wait on the phone line";
        keyboard = milestone(listen, SUPPORT, keyboardTitle, Plan.today().plusDays(75));
        milestone(change, MARKETING, "Rewrite the bill template", Plan.programStart().plusYears(1).plusMonths(4));
        milestone(change, MARKETING, "Plain-language bill in every region", Plan.programStart().plusYears(1).plusMonths(10));
        milestone(sustain, SUPPORT, "NPS above 40 for four quarters", Plan.programStart().plusYears(2).plusMonths(9));

        surveyAnswers();
        feedback();
        commitment = ok(Api.as("lead-support").post("/api/commitments", """
                {"theme":"%s","title":"Offer a callback after five minutes on hold","ownerDepartment":"support","due":"%s",
                 "milestoneIds":[%d],"metricKey":"nps"}""".formatted(HOLD_TIMES, Plan.today().plusDays(60), checkIn)), 201)
                .get("id").asLong();
    }

    /** The demo users' departments: other test classes of the run may have registered them first. */
    private void department(String code, String name) {
        var made = admin.post("/api/departments", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}");
        assertTrue(made.status() == 201 || made.status() == 409, made::toString);
    }

    private long initiative(int phase, String pillar, String title, String accountable, String raci) {
        return ok(admin.post("/api/initiatives", """
                {"programId":%d,"phaseNumber":%d,"pillar":"%s","title":"%s","accountableDepartment":"%s","raci":%s}"""
                .formatted(program, phase, pillar, title, accountable, raci)), 201).get("id").asLong();
    }

    private long milestone(long initiative, String owner, String title, LocalDate due) {
        return ok(admin.post("/api/milestones", """
                {"initiativeId":%d,"title":"%s","ownerDepartment":"%s","ownerPerson":"%s","due":"%s",
                 "evidence":["https://intranet.example.com/cx/%s"]}""".formatted(initiative, title, owner,
                owner.equals(SUPPORT) ? "lee" : "mia", due, run)), 201).get("id").asLong();
    }

    /** 60 daily readings: 70% two months ago, sliding by 0.1 point a day to about 64% today. */
    private void firstDayResolutionSlides() {
        StringJoiner readings = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 60; i++) {
            LocalDate day = Plan.today().minusDays(59 - i);
            long resolved = Math.round(2 * (70 - 0.1 * i));
            readings.add("""
                    {"day":"%s","departmentCode":"support","channel":"phone","idempotencyKey":"%s-fdr-%d",
                     "statistics":{"numerator":%d,"denominator":200}}""".formatted(day, run, i, resolved));
        }
        JsonNode report = ok(admin.post("/api/metrics/" + fdr + "/readings", readings.toString()), 200);
        assertEquals(60, report.get("accepted").asInt(), report::toString);
    }

    /**
     * Six months of answers, six a day for support and three for marketing, spread over three channels. The scores are
     * drawn from shares that improve slowly (more promoters, fewer detractors, more satisfied, less effort), read at
     * evenly spaced quantiles that shift a little each day, so every day is close to its trend and forecasts stay sane.
     */
    private void surveyAnswers() {
        String[] channels = {"phone", "chat", "email"};
        List<String> answers = new ArrayList<>();
        for (int day = 179; day >= 0; day--) {
            double lift = (180 - day) / 180.0;
            double shift = (day * 0.618) % 1;
            for (int k = 0; k < 9; k++) {
                String department = k < 6 ? SUPPORT : MARKETING;
                int n = k < 6 ? 6 : 3;
                double u = ((k % n) + shift) / n;
                Instant at = Plan.today().minusDays(day).atTime(8 + k, 15).toInstant(ZoneOffset.UTC);
                if (at.isAfter(RunClock.now())) {
                    at = Plan.earlierToday(600L + k);
                }
                double detractors = 0.40 - 0.15 * lift;
                double promoters = 0.30 + 0.12 * lift;
                int nps = u < detractors ? 3 + (int) (u * 10) % 4 : u < 1 - promoters ? 7 + k % 2 : 9 + k % 2;
                int csat = u < 0.40 - 0.15 * lift ? 2 + k % 2 : 4 + k % 2;
                int ces = (int) Math.max(1, Math.min(7, Math.round(3.6 + 1.2 * lift + (u - 0.5) * 3)));
                String common = "\"answeredAt\":\"%s\",\"channel\":\"%s\",\"departmentCode\":\"%s\",\"source\":\"survey-tool\""
                        .formatted(at, channels[(day + k) % 3], department);
                answers.add("{\"kind\":\"NPS\",\"score\":%d,%s,\"idempotencyKey\":\"%s-nps-%d-%d\"}".formatted(nps, common, run, day, k));
                answers.add("{\"kind\":\"CSAT\",\"score\":%d,%s,\"idempotencyKey\":\"%s-csat-%d-%d\"}".formatted(csat, common, run, day, k));
                answers.add("{\"kind\":\"CES\",\"score\":%d,%s,\"idempotencyKey\":\"%s-ces-%d-%d\"}".formatted(ces, common, run, day, k));
            }
        }
        // since the callback offer was promised today, support's callers who were offered one answer warmly
        int[] afterPromise = {9, 10, 9, 8};
        for (int k = 0; k < afterPromise.length; k++) {
            answers.add("""
                    {"kind":"NPS","score":%d,"answeredAt":"%s","channel":"phone","departmentCode":"support","source":"survey-tool",
                     "idempotencyKey":"%s-nps-callback-%d"}""".formatted(afterPromise[k], Plan.earlierToday(300L + k), run, k));
        }
        JsonNode report = ok(Api.as(Tokens.INGEST).post("/api/survey-responses", "[" + String.join(",", answers) + "]"), 200);
        assertEquals(answers.size(), report.get("accepted").asInt(), report::toString);
    }

    private void feedback() {
        String[][] said = {
                {HOLD_TIMES, "CALL", "-0.8", "support", "Waited 40 minutes before anyone picked up"},
                {HOLD_TIMES, "SURVEY", "-0.6", "support", "The hold music is fine, the hold time is not"},
                {HOLD_TIMES, "SOCIAL", "-0.9", "support", "Third time on hold this week"},
                {HOLD_TIMES, "CHAT", "-0.4", "support", "Chat was quicker than calling"},
                {"confusing-bills", "EMAIL", "-0.5", "marketing", "I cannot tell what the extra fee on my bill is"},
                {"confusing-bills", "REVIEW", "-0.7", "marketing", "Bills read like a legal contract"},
                {"confusing-bills", "CALL", "-0.3", "support", "Needed an agent to explain my bill"},
                {"friendly-agents", "SURVEY", "0.9", "support", "The agent was kind and solved it"},
                {"friendly-agents", "REVIEW", "0.8", "support", "Friendly people on the phone"},
        };
        // long hold times are mentioned more and more, bills steadily, friendly agents less and less
        StringJoiner items = new StringJoiner(",", "[", "]");
        for (int week = 0; week < 26; week++) {
            for (int i = 0; i < said.length; i++) {
                String theme = said[i][0];
                int repeats = theme.equals(HOLD_TIMES) ? (week < 8 ? 3 : week < 16 ? 2 : 1)
                        : theme.equals("friendly-agents") ? (week < 10 ? 0 : 1) : (week + i) % 2;
                for (int r = 0; r < repeats; r++) {
                    String[] s = said[i];
                    items.add("""
                            {"channel":"%s","text":"%s","sentiment":%s,"themes":["%s"],"departmentCode":"%s",
                             "receivedAt":"%sT%02d:%02d:00Z","idempotencyKey":"%s-fb-%d-%d-%d"}""".formatted(s[1], s[4], s[2], s[0], s[3],
                            Plan.today().minusDays(7L * week + 1 + r), 9 + r, i, run, week, i, r));
                }
            }
        }
        ok(Api.as(Tokens.INGEST).post("/api/feedback", items.toString()), 200);
    }
}
