package io.cxtracker.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15: "as-of dashboard reads at the benchmark scale answer in less than 2× today's dashboard time". The
 * program dashboard over HTTP (token, the real WAR), today's read (the current tables) against reads as of a
 * past day and as of an instant of today (the V15 and V22 history: per milestone its latest history row and its
 * initiative's, its latest check-in then, target numbers then, readings as received then), the median of the
 * repeats after a warm-up, in the same run. The scale is the demo's benchmark profile: D departments (50) with one
 * initiative, one CSAT target and M milestones (40: 2,000 in all) each, every second milestone linked to its
 * department's target, a year of daily readings per department (18,250), each milestone revised once and every
 * tenth one overridden after a day, every initiative renamed once, every fifth reading merged into once (a re-sent
 * survey batch) — so the history tables hold more than one row per thing and the readings' revisions are not empty. The audit trail gets the
 * records the app would write for the same acts, so that the other way of keeping the past — replaying the trail's
 * snapshots — is measured beside the history tables on the same milestones and instant.
 *
 * <p>The plan is set up over the API (departments, program, initiatives, metric, targets) and the bulk
 * (milestones, links, readings, revisions, overrides) with SQL as the runtime role, so the V15 and V22 triggers write
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
        awaitSealed();

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
            changeWhatTodayReads();
            exec.get(today);
            exec.get(pastDay);
            exec.get(instant);
        }
        long[] todays = new long[REPEATS];
        long[] pastDays = new long[REPEATS];
        long[] instants = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            // interleaved, so that a slow moment of the shared machine hits all three alike
            changeWhatTodayReads();
            todays[i] = timed(today);
            pastDays[i] = timed(pastDay);
            instants[i] = timed(instant);
        }
        long base = median(todays);
        double dayRatio = (double) median(pastDays) / base;
        double instantRatio = (double) median(instants) / base;
        System.out.printf(Locale.ROOT, "[as-of] scale: %,d departments, %,d milestones, %,d readings, %,d milestone history rows, "
                        + "%,d initiative history rows, %,d reading revisions (generated in %.1f s)%n", DEPARTMENTS,
                DEPARTMENTS * MILESTONES,
                Database.count("reading r JOIN metric m ON m.id = r.metric_id WHERE m.metric_key = '" + metric + "'"),
                Database.count("milestone_history"), Database.count("initiative_history"), Database.count("reading_revision"),
                generated / 1e9);
        System.out.printf(Locale.ROOT, "[as-of] program dashboard, median of %d: today, computed after a committed change, %.1f ms (baseline) | as of before the revisions "
                        + "%.1f ms (%.2f×) | as of now %.1f ms (%.2f×)%n", REPEATS, base / 1e6,
                median(pastDays) / 1e6, dayRatio, median(instants) / 1e6, instantRatio);
        historyAgainstReplay(beforeRevisions);
        assertTrue(dayRatio < 2.0, "as of before the revisions: " + dayRatio + "× today's time");
        assertTrue(instantRatio < 2.0, "as of now: " + instantRatio + "× today's time");
    }

    /**
     * A committed write to a table today's dashboard reads (untimed): the read cache keeps today's dashboard while
     * nothing it reads changes, and never keeps a read as of a past instant, so the baseline is today's dashboard
     * computed, as the as-of reads always are.
     */
    private static void changeWhatTodayReads() {
        Database.execute("UPDATE department SET name = name WHERE id = (SELECT min(id) FROM department)");
    }

    /**
     * Issue 15 left the store open: history tables with validity ranges, or the past rebuilt from the audit trail's
     * snapshots. Both read the plan state of the same 2,000 milestones as known at the same instant, over JDBC from
     * here: the history tables (V15, the server's way: per milestone its latest history row then, one statement) and
     * the replay (every audit record of those milestones up to the instant, in order, each snapshot laid over the last).
     */
    private static void historyAgainstReplay(Instant knownAt) throws Exception {
        String at = "TIMESTAMPTZ '" + knownAt + "'";
        String history = """
                SELECT m.id, h.title, h.initiative_id, h.owner_department_id, h.due_date, h.weight, h.override_status,
                       h.override_reason, h.override_by, h.override_at, h.target_ids
                  FROM milestone m
                  CROSS JOIN LATERAL (SELECT mh.* FROM milestone_history mh WHERE mh.milestone_id = m.id AND mh.valid_from <= %s
                                       ORDER BY mh.valid_from DESC, mh.id DESC LIMIT 1) h
                 WHERE m.title LIKE 'Bench milestone %%'""".formatted(at);
        String replay = """
                SELECT a.entity_id, a.new_value::text FROM audit_record a
                 WHERE a.entity_type = 'milestone' AND a.at <= %s
                   AND a.entity_id IN (SELECT m.id::text FROM milestone m WHERE m.title LIKE 'Bench milestone %%')
                 ORDER BY a.entity_id, a.seq""".formatted(at);
        ObjectMapper json = new ObjectMapper();
        long[] fromHistory = new long[REPEATS + 2];
        long[] fromReplay = new long[REPEATS + 2];
        int states = 0, records = 0;
        for (int i = 0; i < REPEATS + 2; i++) {
            long started = System.nanoTime();
            int rows = 0;
            try (Connection c = Database.connect(); var s = c.createStatement(); var rs = s.executeQuery(history)) {
                while (rs.next()) {
                    for (int column = 1; column <= 11; column++) {
                        rs.getObject(column);
                    }
                    rows++;
                }
            }
            fromHistory[i] = System.nanoTime() - started;
            started = System.nanoTime();
            Map<String, ObjectNode> state = new HashMap<>();
            int read = 0;
            try (Connection c = Database.connect(); var s = c.createStatement(); var rs = s.executeQuery(replay)) {
                while (rs.next()) {
                    state.computeIfAbsent(rs.getString(1), id -> json.createObjectNode())
                            .setAll((ObjectNode) json.readTree(rs.getString(2)));
                    read++;
                }
            }
            fromReplay[i] = System.nanoTime() - started;
            assertEquals(rows, state.size(), "both ways know the same milestones then");
            states = rows;
            records = read;
        }
        // the first two of each are the warm-up
        long historyMedian = median(Arrays.copyOfRange(fromHistory, 2, fromHistory.length));
        long replayMedian = median(Arrays.copyOfRange(fromReplay, 2, fromReplay.length));
        System.out.printf(Locale.ROOT, "[as-of] the plan state of %,d milestones as of the same instant, median of %d over JDBC: "
                        + "history tables %.1f ms | replay of %,d audit records %.1f ms (%.2f× the history tables)%n", states,
                REPEATS, historyMedian / 1e6, records, replayMedian / 1e6, (double) replayMedian / historyMedian);
    }

    /** The sealer links the generated audit records in the background; timing starts once it is done with them. */
    private static void awaitSealed() throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (Database.count("audit_record r WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.record_seq = r.seq)") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
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
            // what the audit trail holds of the same acts (the app writes one record per act), so that the other
            // way of reading the past, replaying the trail's snapshots, can be measured on the same plan
            try (var s = c.createStatement()) {
                s.executeUpdate("""
                        INSERT INTO audit_record (actor, entity_type, entity_id, department_code, action, new_value)
                        SELECT 'admin', 'milestone', m.id::text, d.code, 'create',
                               jsonb_build_object('title', m.title, 'initiativeId', m.initiative_id, 'ownerDepartment', d.code,
                                                  'dueDate', m.due_date, 'weight', m.weight, 'targetIds', '[]'::jsonb)
                          FROM milestone m JOIN department d ON d.id = m.owner_department_id
                         WHERE m.title LIKE 'Bench milestone %' ORDER BY m.id""");
                s.executeUpdate("""
                        INSERT INTO audit_record (actor, entity_type, entity_id, department_code, action, old_value, new_value)
                        SELECT 'admin', 'milestone', m.id::text, d.code, 'link-target', jsonb_build_object('targetIds', '[]'::jsonb),
                               jsonb_build_object('targetIds', jsonb_build_array(mt.target_id))
                          FROM milestone m JOIN department d ON d.id = m.owner_department_id
                          JOIN milestone_target mt ON mt.milestone_id = m.id
                         WHERE m.title LIKE 'Bench milestone %' ORDER BY m.id""");
            }
            c.commit();
            Thread.sleep(50);
            Instant between = Instant.now();
            Thread.sleep(50);
            try (var s = c.createStatement()) {
                s.executeUpdate("UPDATE milestone SET title = title || ' (revised)' WHERE title LIKE 'Bench milestone %'");
                // each initiative renamed too, so that the as-of read picks its title of then from two rows (V22)
                s.executeUpdate("UPDATE initiative SET title = title || ' (revised)', version = version + 1 WHERE id IN ("
                        + initiatives.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ")");
                s.executeUpdate("""
                        UPDATE milestone SET override_status = 'AT_RISK', override_reason = 'bench', override_by = 'admin',
                               override_at = now() WHERE title LIKE 'Bench milestone %' AND id % 10 = 0""");
                s.executeUpdate("UPDATE reading SET satisfied = satisfied + 1, responses = responses + 1"
                        + " WHERE source = 'bench' AND id % 5 = 0");
                s.executeUpdate("""
                        INSERT INTO audit_record (actor, entity_type, entity_id, department_code, action, old_value, new_value)
                        SELECT 'admin', 'milestone', m.id::text, d.code, 'update',
                               jsonb_build_object('title', replace(m.title, ' (revised)', '')), jsonb_build_object('title', m.title)
                          FROM milestone m JOIN department d ON d.id = m.owner_department_id
                         WHERE m.title LIKE 'Bench milestone %' ORDER BY m.id""");
                s.executeUpdate("""
                        INSERT INTO audit_record (actor, entity_type, entity_id, department_code, action, new_value)
                        SELECT 'admin', 'milestone', m.id::text, d.code, 'override',
                               jsonb_build_object('overrideStatus', m.override_status, 'overrideReason', m.override_reason,
                                                  'overrideBy', m.override_by, 'overrideAt', m.override_at)
                          FROM milestone m JOIN department d ON d.id = m.owner_department_id
                         WHERE m.title LIKE 'Bench milestone %' AND m.override_status IS NOT NULL ORDER BY m.id""");
            }
            c.commit();
            return between;
        }
    }
}
