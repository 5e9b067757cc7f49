package io.cxtracker.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.RunClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo program's cast, set up through the API by the program admin for one test: departments with
 * unique codes (or the demo ones the leads' tokens name: support, marketing), a program that started three
 * months ago with its three phases, initiatives, milestones, metrics and targets. Tests share the run's
 * database, so each makes its own and counts only what it made.
 */
public final class Plan {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Today by the run's one clock ({@link RunClock}), read when asked: a run that crosses midnight moves it. */
    public static LocalDate today() {
        return RunClock.today();
    }

    /**
     * An instant of today by the run's clock, the given seconds ago; today's first second when today began less
     * than that ago (just after midnight), so that data meant for today's side of a pivot never lands on yesterday's.
     */
    public static Instant earlierToday(long seconds) {
        Instant ago = RunClock.now().minusSeconds(seconds);
        Instant midnight = today().atStartOfDay(ZoneOffset.UTC).toInstant();
        return ago.isBefore(midnight) ? midnight : ago;
    }

    /** The first of the month three months ago: today is in the program's first phase. */
    public static LocalDate programStart() {
        return today().minusMonths(3).withDayOfMonth(1);
    }

    private final HttpJson admin = Api.admin();

    /** A fresh lower-case slug: prefix, then a number no other call used. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 1_679_616, 36);
    }

    /** A department with a fresh code. */
    public String department(String prefix) {
        String code = unique(prefix);
        var reply = admin.post("/api/departments", "{\"code\":\"" + code + "\",\"name\":\"The " + code + " department\"}");
        assertEquals(201, reply.status(), reply::toString);
        return code;
    }

    /** A department the demo users belong to (support, marketing…): made once, shared by the tests that need it. */
    public String demoDepartment(String code) {
        var reply = admin.post("/api/departments", "{\"code\":\"" + code + "\",\"name\":\"" + code + "\"}");
        assertTrue(reply.status() == 201 || reply.status() == 409, reply::toString);
        return code;
    }

    public long program() {
        var reply = admin.post("/api/programs", "{\"name\":\"CX " + unique("p") + "\",\"startDate\":\"" + programStart() + "\"}");
        return Api.ok(reply, 201).get("id").asLong();
    }

    public long initiative(long program, int phase, String pillar, String accountable) {
        var reply = admin.post("/api/initiatives", """
                {"programId":%d,"phaseNumber":%d,"pillar":"%s","title":"Initiative %s","accountableDepartment":"%s"}"""
                .formatted(program, phase, pillar, unique("i"), accountable));
        return Api.ok(reply, 201).get("id").asLong();
    }

    /** A milestone owned by the department, due on the day; its JSON (id, version…). */
    public JsonNode milestone(long initiative, String owner, LocalDate due) {
        var reply = admin.post("/api/milestones", """
                {"initiativeId":%d,"title":"Milestone %s","ownerDepartment":"%s","ownerPerson":"alice","due":"%s",
                 "evidence":["https://intranet.example.com/plan"]}""".formatted(initiative, unique("m"), owner, due));
        return Api.ok(reply, 201);
    }

    /**
     * A survey metric (nps, csat or ces: survey answers feed these fixed keys, so the run shares them). Declared here
     * once, the same whichever class makes it first, and only read afterwards: owned by support, higher is better.
     */
    public String surveyMetric(String key) {
        String[] definition = switch (key) {
            case "nps" -> new String[] {"Net Promoter Score", "points", "NPS"};
            case "csat" -> new String[] {"Customer satisfaction", "%", "CSAT"};
            case "ces" -> new String[] {"Customer effort score", "points", "MEAN_SCORE"};
            default -> throw new IllegalArgumentException("not a survey metric: " + key);
        };
        demoDepartment("support");
        var made = admin.post("/api/metrics", """
                {"key":"%s","name":"%s","unit":"%s","kind":"%s","direction":"HIGHER_IS_BETTER","ownerDepartment":"support",
                 "expectedFrequency":"DAILY"}""".formatted(key, definition[0], definition[1], definition[2]));
        assertTrue(made.status() == 201 || made.status() == 409, made::toString);
        return key;
    }

    /** A metric with a fresh key; kind NPS, CSAT, MEAN_SCORE, RATIO or GAUGE. */
    public String metric(String kind, String direction, String owner) {
        String key = unique(kind.toLowerCase().replace('_', '-'));
        var reply = admin.post("/api/metrics", """
                {"key":"%s","name":"%s metric","unit":"%%","kind":"%s","direction":"%s","ownerDepartment":"%s",
                 "expectedFrequency":"DAILY"}""".formatted(key, kind, kind, direction, owner));
        assertEquals(201, reply.status(), reply::toString);
        return key;
    }

    /** A target on the metric for the department (null: company-wide), due on the day. */
    public JsonNode target(String metric, String department, double baseline, double target, LocalDate due, double tolerance) {
        var reply = admin.post("/api/targets", """
                {"metricKey":"%s","departmentCode":%s,"baseline":%s,"targetValue":%s,"due":"%s","amberTolerance":%s,"windowDays":30}"""
                .formatted(metric, department == null ? "null" : "\"" + department + "\"", baseline, target, due, tolerance));
        return Api.ok(reply, 201);
    }
}
