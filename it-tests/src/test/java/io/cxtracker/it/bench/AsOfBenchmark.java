package io.cxtracker.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15: "as-of dashboard reads at the benchmark scale answer in less than 2× today's dashboard time". The
 * program dashboard over HTTP (token, the real WAR), today's read (the current tables) against reads as of a
 * past day and as of an instant of today (the V15 history: per milestone its latest history row, its latest
 * check-in then, target numbers then, readings as received then), the median of the repeats after a warm-up,
 * in the same run. The scale is the demo's benchmark profile: D departments (50) with one initiative, one
 * CSAT target and M milestones (40: 2,000 in all) each, every second milestone linked to its department's
 * target, a year of daily readings per department (18,250), each milestone revised once and every tenth one
 * overridden after a day, every fifth reading merged into once (a re-sent survey batch) — so the history
 * tables hold more than one row per thing and the readings' revisions are not empty.
 *
 * <p>The plan is set up over the API (departments, program, initiatives, metric, targets) and the bulk
 * (milestones, links, readings, revisions, overrides) with SQL as the runtime role, so the V15 triggers write
 * the history as they do for the app. Not part of the test suite (the name does not end in IT); run it with
 * <pre>flock /tmp/cx-it.lock mvn -o verify -pl it-tests -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=AsOfBenchmark -Dfailsafe.failIfNoSpecifiedTests=false [-Dcx.bench.asof.departments=50] \
 *     [-Dcx.bench.asof.milestones=40] [-Dcx.bench.asof.repeats=7]</pre>
 * and read the lines starting with [as-of].
 */
@ExtendWith(ArquillianExtension.class)
class AsOfBenchmark {
    static final int DEPARTMENTS = Integer.getInteger("cx.bench.asof.departments", 50);
    static final int MILESTONES = Integer.getInteger("cx.bench.asof.milestones", 40);
    static final int REPEATS = Integer.getInteger("cx.bench.asof.repeats", 7);
    static final int DAYS = 365;

    private final Plan plan = new Plan();
    private final HttpJson exec = Api.as("exec");

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void asOfDashboardReadsTakeLessThanTwiceTodaysTime() throws Exception {
        long program = plan.program();
        String metric = plan.metric("CSAT", "HIGHER_IS_BETTER", plan.department("bench-owner"));
        List<String> departments = new ArrayList<>();
        List<Long> initiatives = new ArrayList<>();
        List<Long> targets = new ArrayList<>();
        String[] pillars = {"LISTEN", "MEASURE", "CHANGE"};
        for (int d = 0; d < DEPARTMENTS; d++) {
            String code = plan.department("asof");
            departments.add(code);
            initiatives.add(plan.initiative(program, 1 + d % 3, pillars[d % 3], code));
            targets.add(plan.target(metric, code, 70, 80, Plan.today().plusDays(120), 2).get("id").asLong());
        }
        long started = System.nanoTime();
        Instant beforeRevisions = generate(metric, departments, initiatives, targets);
        long generated = System.nanoTime() - started;
        Thread.sleep(50);

        String today = "/api/dashboards/program/" + program;
        String pastDay = today + "?asOf=" + beforeRevisions;
        String instant = today + "?asOf=" + Instant.now();
        JsonNode whole = Api.ok(exec.get(today), 200).get("program");
        assertEquals((long) DEPARTMENTS * MILESTONES, whole.get("milestones").asLong(), whole::toString);
        assertEquals((long) DEPARTMENTS * MILESTONES, Api.ok(exec.get(instant), 200).get("program").get("milestones").asLong());
        JsonNode before = Api.ok(exec.get(pastDay), 200).get("program");
        assertEquals((long) DEPARTMENTS * MILESTONES, before.get("milestones").asLong());
        // warm-up: JIT, plans, caches; not measured
        for (int i = 0; i < 2; i++) {
            exec.get(today);
            exec.get(pastDay);
            exec.get(instant);
        }
        long[] todays = new long[REPEATS];
        long[] pastDays = new long[REPEATS];
        long[] instants = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            // interleaved, so that a slow moment of the shared machine hits all three alike
            todays[i] = timed(today);
            pastDays[i] = timed(pastDay);
            instants[i] = timed(instant);
        }
        long base = median(todays);
        double dayRatio = (double) median(pastDays) / base;
        double instantRatio = (double) median(instants) / base;
        System.out.printf(Locale.ROOT, "[as-of] scale: %,d departments, %,d milestones, %,d readings, %,d milestone history rows, "
                        + "%,d reading revisions (generated in %.1f s)%n", DEPARTMENTS, DEPARTMENTS * MILESTONES,
                Database.count("reading r JOIN metric m ON m.id = r.metric_id WHERE m.metric_key = '" + metric + "'"),
                Database.count("milestone_history"), Database.count("reading_revision"), generated / 1e9);
        System.out.printf(Locale.ROOT, "[as-of] program dashboard, median of %d: today %.1f ms (baseline) | as of before the revisions "
                        + "%.1f ms (%.2f×) | as of now %.1f ms (%.2f×)%n", REPEATS, base / 1e6,
                median(pastDays) / 1e6, dayRatio, median(instants) / 1e6, instantRatio);
        assertTrue(dayRatio < 2.0, "as of before the revisions: " + dayRatio + "× today's time");
        assertTrue(instantRatio < 2.0, "as of now: " + instantRatio + "× today's time");
    }

    private long timed(String path) {
        long started = System.nanoTime();
        HttpJson.Reply reply = exec.get(path);
        long took = System.nanoTime() - started;
        assertEquals(200, reply.status(), reply::toString);
        return took;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Milestones, links, readings, then the later acts (a revision of every milestone, overrides of every tenth,
     * merges into every fifth reading) in later transactions, so that each thing has history rows of two instants.
     */
    private static Instant generate(String metric, List<String> departments, List<Long> initiatives, List<Long> targets)
            throws Exception {
        LocalDate first = Plan.today().minusDays(DAYS);
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            for (int d = 0; d < departments.size(); d++) {
                try (PreparedStatement milestones = c.prepareStatement("""
                        INSERT INTO milestone (initiative_id, title, owner_department_id, owner_person, due_date)
                        SELECT ?, 'Bench milestone ' || ? || '-' || g, dep.id, 'alice', ?::date + (g * 7)
                          FROM generate_series(1, ?) g, department dep WHERE dep.code = ?""")) {
                    milestones.setLong(1, initiatives.get(d));
                    milestones.setInt(2, d);
                    milestones.setObject(3, Plan.today().minusDays(60));
                    milestones.setInt(4, MILESTONES);
                    milestones.setString(5, departments.get(d));
                    milestones.executeUpdate();
                }
                try (PreparedStatement links = c.prepareStatement("""
                        INSERT INTO milestone_target (milestone_id, target_id)
                        SELECT m.id, ? FROM milestone m WHERE m.initiative_id = ? AND m.id % 2 = 0""")) {
                    links.setLong(1, targets.get(d));
                    links.setLong(2, initiatives.get(d));
                    links.executeUpdate();
                }
                try (PreparedStatement readings = c.prepareStatement("""
                        INSERT INTO reading (metric_id, kind, day, department_id, satisfied, responses, source, idempotency_key,
                                             received_at)
                        SELECT m.id, 'CSAT', ?::date + g, dep.id, 70 + (g % 15), 100, 'bench', 'asof-' || dep.code || '-' || g,
                               now() - interval '1 day'
                          FROM generate_series(0, ?) g, metric m, department dep WHERE m.metric_key = ? AND dep.code = ?""")) {
                    readings.setObject(1, first);
                    readings.setInt(2, DAYS - 1);
                    readings.setString(3, metric);
                    readings.setString(4, departments.get(d));
                    readings.executeUpdate();
                }
            }
            c.commit();
            Thread.sleep(50);
            Instant between = Instant.now();
            Thread.sleep(50);
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE milestone SET title = title || ' (revised)' WHERE title LIKE 'Bench milestone %'");
                s.executeUpdate("""
                        UPDATE milestone SET override_status = 'AT_RISK', override_reason = 'bench', override_by = 'admin',
                               override_at = now() WHERE title LIKE 'Bench milestone %' AND id % 10 = 0""");
                s.executeUpdate("UPDATE reading SET satisfied = satisfied + 1, responses = responses + 1"
                        + " WHERE source = 'bench' AND id % 5 = 0");
            }
            c.commit();
            return between;
        }
    }
}
