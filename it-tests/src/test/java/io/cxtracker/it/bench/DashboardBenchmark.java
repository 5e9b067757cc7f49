package io.cxtracker.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.Tokens;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reads executives and leads feel every day, at the demo program the server loaded at start-up
 * ({@code -Dcx.it.demo.load=true}, {@code -Dcx.it.demo.profile=benchmark} for 50 departments, 2,000 milestones and
 * 3 years of daily readings for 200 series), in three parts that {@code bench/run.sh} selects with
 * {@code -Dcx.bench.parts}:
 * <ul>
 * <li><b>dashboards</b>: program dashboard, department dashboard, the accountability view's first milestone page and
 *     a year of one series over HTTP, one request at a time, against hand-written SQL over JDBC that reads every
 *     input of the same numbers on the same PostgreSQL in the same run; the query plans that matter. The dashboards
 *     twice: with the data unchanged (the read cache validates its entry and serves it) and right after a committed
 *     change before each request (computed).
 * <li><b>load</b>: the same reads at fixed request rates from a second process on loopback (autocannon), p50/p99
 *     and the rate it really sent; the knee is the first rate whose p99 passes 500 ms.
 * <li><b>growth</b>: the readings multiplied by 4 and 16 (the same series, days and targets: more channels per
 *     day), the dashboards and the series timed again; the time ratio per step.
 * </ul>
 * Growth changes the data, so it runs last. Not part of the test suite (the name does not end in IT); no timing is
 * asserted, only that every answer is a 200 with the expected shape.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBenchmark {
    private static final int REPEATS = Integer.getInteger("cx.bench.dashboard.repeats", 30);
    /**
     * Untimed runs before the timed ones, per read and baseline: enough for the JIT to compile the read's path (with
     * ten, the table showed the cold server: the same reads timed after the load part were 3–7× faster).
     */
    private static final int WARMUP = Integer.getInteger("cx.bench.dashboard.warmup", Math.max(3, REPEATS / 3));
    private static final Set<String> PARTS = Set.of(System.getProperty("cx.bench.parts", "dashboards,load,growth").split(","));
    private static final int LOAD_SECONDS = Integer.getInteger("cx.bench.load.seconds", 10);
    private static final String LOAD_RATES = System.getProperty("cx.bench.load.rates", "50,100,200,400");
    /** The readings multiplied, in steps: 4 and 16 times the loaded ones. */
    private static final String GROWTH_FACTORS = System.getProperty("cx.bench.growth.factors", "4,16");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The server's day: its clock is the system's, in UTC. */
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    /** What one benchmark run reads: the program, its busiest department and its busiest series. */
    record Scene(long program, String department, long departmentId, String metricKey, long metricId, long milestones,
            long readings) {

        static Scene find() throws SQLException {
            try (Connection c = Database.connect(); Statement s = c.createStatement()) {
                long program = single(s, "SELECT min(id) FROM program WHERE name LIKE 'CX Transformation %'");
                assertTrue(program > 0, "the demo program is loaded (-Dcx.it.demo.load=true)");
                String department;
                long departmentId;
                try (ResultSet rs = s.executeQuery("""
                        SELECT d.code, d.id FROM milestone m JOIN initiative i ON i.id = m.initiative_id
                          JOIN department d ON d.id = m.owner_department_id
                         WHERE i.program_id = %d GROUP BY d.code, d.id ORDER BY count(*) DESC, d.code LIMIT 1""".formatted(program))) {
                    rs.next();
                    department = rs.getString(1);
                    departmentId = rs.getLong(2);
                }
                String metricKey;
                long metricId;
                try (ResultSet rs = s.executeQuery("""
                        SELECT m.metric_key, m.id FROM reading r JOIN metric m ON m.id = r.metric_id
                         WHERE r.department_id = %d GROUP BY m.metric_key, m.id ORDER BY count(*) DESC, m.metric_key LIMIT 1"""
                        .formatted(departmentId))) {
                    assertTrue(rs.next(), "the busiest department has readings");
                    metricKey = rs.getString(1);
                    metricId = rs.getLong(2);
                }
                long milestones = single(s, "SELECT count(*) FROM milestone m JOIN initiative i ON i.id = m.initiative_id "
                        + "WHERE i.program_id = " + program);
                return new Scene(program, department, departmentId, metricKey, metricId, milestones, single(s, "SELECT count(*) FROM reading"));
            }
        }

        String programDashboard() {
            return "/api/dashboards/program/" + program;
        }

        String departmentDashboard() {
            return "/api/dashboards/departments/" + department + "?program=" + program;
        }

        String milestonePage() {
            return "/api/milestones?program=" + program + "&department=" + department + "&limit=50&sort=due";
        }

        String series() {
            return "/api/metrics/" + metricKey + "/series?from=" + TODAY.minusDays(364) + "&to=" + TODAY + "&department="
                    + department + "&granularity=day";
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @BeforeEach
    void serverIsReady() throws InterruptedException {
        // the demo program loads at start-up with readiness DOWN; nothing is measured before it is in
        HttpJson management = new HttpJson(System.getProperty("cx.it.management.url", "http://127.0.0.1:10190"));
        for (int i = 0; i < 900; i++) {
            if (management.get("/health/ready").status() == 200) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the server did not become ready in 15 minutes");
    }

    // ---------------------------------------------------------------------------------------------------- dashboards

    /**
     * The inputs of the program's numbers, as hand-written SQL reads them: the milestones with initiative, phase and
     * department; the linked targets; each linked target's readings summed per day over the union of its windows
     * (a milestone due in the past judges its targets on its due day, else today). {@code %s} narrows the milestones.
     */
    private static final String FACTS_SQL = """
            SELECT m.id, m.title, i.id, i.title, i.pillar, ph.number, ph.name, d.code, m.due_date, m.weight,
                   m.reported_status, m.override_status, m.override_reason, m.override_by, m.override_at
              FROM milestone m JOIN initiative i ON i.id = m.initiative_id JOIN phase ph ON ph.id = i.phase_id
              JOIN department d ON d.id = m.owner_department_id
             WHERE i.program_id = ? %s ORDER BY m.due_date, m.id""";
    private static final String LINKS_SQL = """
            SELECT mt.milestone_id, t.id, t.metric_id, t.department_id, t.baseline, t.target_value, t.due_date,
                   t.amber_tolerance, t.window_days
              FROM milestone_target mt JOIN milestone m ON m.id = mt.milestone_id
              JOIN initiative i ON i.id = m.initiative_id JOIN department d ON d.id = m.owner_department_id
              JOIN target t ON t.id = mt.target_id
             WHERE i.program_id = ? %s""";
    static final String SUMS = """
            sum(r.promoters), sum(r.passives), sum(r.detractors), sum(r.satisfied), sum(r.responses),
            sum(r.score_sum), sum(r.score_count), sum(r.numerator), sum(r.denominator),
            sum(r.gauge_value * r.gauge_weight), sum(r.gauge_weight), max(r.gauge_at)""";
    /**
     * Each linked target's scope (metric, department or -1 for the company, the union of its windows), then the
     * readings of each scope summed per day; {@code %s}: the milestones' narrowing, the sums, then the join of the
     * scopes to the readings ({@link #RAW_JOIN}, {@link #RAW_JOIN_WITH_OR} or {@link #DAILY_JOIN}).
     */
    private static final String SERIES_SQL = """
            WITH w AS (
                SELECT t.metric_id, coalesce(t.department_id, -1) AS department_id,
                       min(least(m.due_date, ?::date)) - t.window_days AS from_day, max(least(m.due_date, ?::date)) AS to_day
                  FROM milestone_target mt JOIN milestone m ON m.id = mt.milestone_id
                  JOIN initiative i ON i.id = m.initiative_id JOIN department d ON d.id = m.owner_department_id
                  JOIN target t ON t.id = mt.target_id
                 WHERE i.program_id = ? %s
                 GROUP BY t.metric_id, coalesce(t.department_id, -1), t.window_days)
            SELECT w.metric_id, w.department_id, w.from_day, r.day, %s
              FROM w %s
             GROUP BY w.metric_id, w.department_id, w.from_day, r.day""";
    /** Raw readings, each scope on its own index range (a department's scope on (metric, department, day)). */
    private static final String RAW_JOIN = """
            JOIN reading r ON r.metric_id = w.metric_id AND r.day BETWEEN w.from_day AND w.to_day
             AND r.department_id = w.department_id WHERE w.department_id <> -1
             GROUP BY w.metric_id, w.department_id, w.from_day, r.day
            UNION ALL SELECT w.metric_id, w.department_id, w.from_day, r.day, %s
              FROM w JOIN reading r ON r.metric_id = w.metric_id AND r.day BETWEEN w.from_day AND w.to_day
             WHERE w.department_id = -1""";
    /** The shape the server used before: one join with "every department OR this one". */
    private static final String RAW_JOIN_WITH_OR = """
            JOIN reading r ON r.metric_id = w.metric_id AND r.day BETWEEN w.from_day AND w.to_day
             AND (w.department_id = -1 OR r.department_id = w.department_id)""";
    /** The day sums (V18) instead of the raw readings. */
    private static final String DAILY_JOIN = RAW_JOIN.replace("JOIN reading r", "JOIN reading_daily r");
    /**
     * The day sums as the server reads them now: a department's day is one row of reading_daily, taken as it stands
     * (no grouping), the company's days summed, each scope on its own index range (LATERAL, kept apart by OFFSET 0).
     * {@code %s}: the milestones' narrowing, then the sums.
     */
    private static final String DAILY_ROWS_SQL = """
            WITH w AS (
                SELECT t.metric_id, coalesce(t.department_id, -1) AS department_id,
                       min(least(m.due_date, ?::date)) - t.window_days AS from_day, max(least(m.due_date, ?::date)) AS to_day
                  FROM milestone_target mt JOIN milestone m ON m.id = mt.milestone_id
                  JOIN initiative i ON i.id = m.initiative_id JOIN department d ON d.id = m.owner_department_id
                  JOIN target t ON t.id = mt.target_id
                 WHERE i.program_id = ? %s
                 GROUP BY t.metric_id, coalesce(t.department_id, -1), t.window_days)
            SELECT w.metric_id, w.department_id, w.from_day, r.*
              FROM w CROSS JOIN LATERAL (
                   SELECT r.day, r.promoters, r.passives, r.detractors, r.satisfied, r.responses, r.score_sum, r.score_count,
                          r.numerator, r.denominator, r.gauge_weighted_sum, r.gauge_weight, r.gauge_last_at
                     FROM reading_daily r
                    WHERE r.metric_id = w.metric_id AND r.department_id = w.department_id
                      AND r.day BETWEEN w.from_day AND w.to_day OFFSET 0) r
             WHERE w.department_id <> -1
            UNION ALL SELECT w.metric_id, w.department_id, w.from_day, r.*
              FROM w CROSS JOIN LATERAL (
                   SELECT r.day, %s FROM reading_daily r
                    WHERE r.metric_id = w.metric_id AND r.day BETWEEN w.from_day AND w.to_day GROUP BY r.day) r
             WHERE w.department_id = -1""";
    private static final String DAILY_SUMS = """
            sum(r.promoters), sum(r.passives), sum(r.detractors), sum(r.satisfied), sum(r.responses),
            sum(r.score_sum), sum(r.score_count), sum(r.numerator), sum(r.denominator),
            sum(r.gauge_weighted_sum), sum(r.gauge_weight), max(r.gauge_last_at)""";

    static String series(String narrowing, String join, String sums) {
        return SERIES_SQL.formatted(narrowing, sums, join.contains("%s") ? join.formatted(sums) : join);
    }

    /** The department's own targets, each summed per day over its window ending today (the live values). */
    private static final String DEPARTMENT_TARGETS_SQL = """
            SELECT t.id, r.day, %s
              FROM target t JOIN reading r ON r.metric_id = t.metric_id AND r.department_id = t.department_id
               AND r.day BETWEEN ?::date - t.window_days AND ?::date
             WHERE t.department_id = ?
             GROUP BY t.id, r.day""";
    private static final String DAILY_SERIES_SQL = """
            SELECT r.day, %s FROM reading r
             WHERE r.metric_id = ? AND r.day BETWEEN ? AND ? AND r.department_id = ?
             GROUP BY r.day ORDER BY r.day""";

    /**
     * One read: its name, its HTTP path, the SQL baseline that reads the same numbers' inputs, and a write made before
     * each HTTP request (not timed), or null. Today's dashboards are kept by each node's read cache while nothing they
     * read has changed, so a repeated GET is served from it: each is timed both ways, unchanged (validated cache) and
     * right after a change (computed).
     */
    record Read(String name, String path, SqlBaseline sql, Change change) {
        Read(String name, String path, SqlBaseline sql) {
            this(name, path, sql, null);
        }
    }

    interface Change {
        /** A small committed write that changes what the read shows. */
        void make() throws SQLException;
    }

    /**
     * A status override as the dashboards see it: one milestone of the program, preferably of the department read,
     * alternately overridden to OFF_TRACK (red: counts, shares and the attention list change) and back to its derived
     * status, always the same milestone (the first without an override of anyone else's). One UPDATE, committed (the
     * milestone's history gets its row as from the API); no reading is added, so the growth part's counts hold. (The
     * benchmark program has no milestone decided by check-ins that is not due yet, so a reported status flip would not
     * always show.)
     */
    static Change overrideFlip(Scene scene) {
        return () -> {
            try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("""
                    UPDATE milestone
                       SET override_status = CASE WHEN override_status IS NULL THEN 'OFF_TRACK' END,
                           override_reason = CASE WHEN override_status IS NULL THEN 'benchmark: a change before the read' END,
                           override_by = CASE WHEN override_status IS NULL THEN 'bench-change' END,
                           override_at = CASE WHEN override_status IS NULL THEN now() END
                     WHERE id = (SELECT m.id FROM milestone m JOIN initiative i ON i.id = m.initiative_id
                                  WHERE i.program_id = ? AND (m.override_by IS NULL OR m.override_by = 'bench-change')
                                  ORDER BY (m.owner_department_id = ?) DESC, m.id LIMIT 1)""")) {
                s.setLong(1, scene.program());
                s.setLong(2, scene.departmentId());
                assertEquals(1, s.executeUpdate(), "the program has a milestone without anyone's override");
            }
        };
    }

    interface SqlBaseline {
        /** Runs the hand-written queries and reads every row; answers the number of rows read. */
        long run(Connection c) throws SQLException;
    }

    static List<Read> reads(Scene scene) {
        String inDepartment = "AND d.code = '" + scene.department() + "'";
        String firstPage = "AND m.id IN (SELECT m.id FROM milestone m JOIN initiative i ON i.id = m.initiative_id JOIN department d "
                + "ON d.id = m.owner_department_id WHERE i.program_id = " + scene.program() + " " + inDepartment
                + " ORDER BY m.due_date, m.id LIMIT 50)";
        SqlBaseline program = c -> inputs(c, scene, "");
        SqlBaseline department = c -> inputs(c, scene, inDepartment)
                + rows(c, DEPARTMENT_TARGETS_SQL.formatted(SUMS), TODAY, TODAY, scene.departmentId());
        SqlBaseline page = c -> inputs(c, scene, firstPage)
                + rows(c, "SELECT count(*) FROM milestone m JOIN initiative i ON i.id = m.initiative_id JOIN department d "
                + "ON d.id = m.owner_department_id WHERE i.program_id = ? " + inDepartment, scene.program());
        SqlBaseline series = c -> rows(c, DAILY_SERIES_SQL.formatted(SUMS), scene.metricId(), TODAY.minusDays(364), TODAY,
                scene.departmentId());
        return List.of(
                new Read("program dashboard, unchanged data (validated cache)", scene.programDashboard(), program),
                new Read("program dashboard, after a change (computed)", scene.programDashboard(), program, overrideFlip(scene)),
                new Read("department dashboard, unchanged data (validated cache)", scene.departmentDashboard(), department),
                new Read("department dashboard, after a change (computed)", scene.departmentDashboard(), department,
                        overrideFlip(scene)),
                new Read("milestone page (50), unchanged data (validated cache)", scene.milestonePage(), page),
                new Read("milestone page (50), after a change (computed)", scene.milestonePage(), page, overrideFlip(scene)),
                new Read("series (365 days), unchanged data (validated cache)", scene.series(), series),
                new Read("series (365 days), after a change (computed)", scene.series(), series, overrideFlip(scene)));
    }

    private static long inputs(Connection c, Scene scene, String narrowing) throws SQLException {
        return rows(c, FACTS_SQL.formatted(narrowing), scene.program())
                + rows(c, LINKS_SQL.formatted(narrowing), scene.program())
                + rows(c, series(narrowing, RAW_JOIN, SUMS), TODAY, TODAY, scene.program());
    }

    private static long rows(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            long rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int column = 1; column <= columns; column++) {
                        rs.getObject(column);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    /** {status, bytes, nanos} of one GET as the executive. */
    private static long[] get(String path, String token) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(HttpJson.forBaseUrl().uri(path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new AssertionError(path + ": " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return new long[] {response.statusCode(), response.body().length, nanos};
    }

    /** Times of {@link #REPEATS} runs, sorted, after {@link #WARMUP} unmeasured ones (JIT, caches, pool). */
    interface Timed {
        void run() throws Exception;
    }

    private static long[] times(Timed timed) throws Exception {
        return times(null, timed);
    }

    /** The same, with {@code before} (if any) run untimed before each run. */
    private static long[] times(Change before, Timed timed) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            if (before != null) {
                before.make();
            }
            timed.run();
        }
        long[] times = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            if (before != null) {
                before.make();
            }
            long started = System.nanoTime();
            timed.run();
            times[i] = System.nanoTime() - started;
        }
        Arrays.sort(times);
        return times;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Median and p95 of HTTP and SQL for every read; answers the HTTP medians by read name. */
    private static Map<String, Long> measure(Scene scene, String prefix) throws Exception {
        Map<String, Long> medians = new LinkedHashMap<>();
        try (Connection c = Database.connect()) {
            c.setReadOnly(true);
            for (Read read : reads(scene)) {
                long[] bytes = {0};
                // the token is asked for each time: the cache renews it before it expires (5 min in the test realm)
                long[] http = times(read.change(), () -> bytes[0] = get(read.path(), Tokens.of("exec"))[1]);
                long[] rows = {0};
                long[] sql = times(() -> rows[0] = read.sql().run(c));
                long httpMedian = percentile(http, 0.5);
                long sqlMedian = percentile(sql, 0.5);
                medians.put(read.name(), httpMedian);
                System.out.printf(Locale.ROOT, "[%s] %-54s | %7.1f ms | %7.1f ms | %7.1f ms | %7.1f ms | %5.2f | %8.1f KB | %,7d%n",
                        prefix, read.name(), ms(httpMedian), ms(percentile(http, 0.95)), ms(sqlMedian), ms(percentile(sql, 0.95)),
                        (double) httpMedian / sqlMedian, bytes[0] / 1024.0, rows[0]);
            }
        }
        return medians;
    }

    private static void header(String prefix) {
        System.out.printf(Locale.ROOT, "[%s] %-54s | HTTP p50  | HTTP p95  | SQL p50   | SQL p95   | ratio | JSON        | SQL rows%n",
                prefix, "read");
    }

    @Test
    @Order(1)
    void dashboardsAgainstHandWrittenSql() throws Exception {
        if (!PARTS.contains("dashboards")) {
            return;
        }
        Scene scene = Scene.find();
        System.out.printf(Locale.ROOT, "[dashboards] program %d: %,d milestones, %,d readings; department %s; series %s; "
                + "%d timed requests each after %d warm-up, one at a time, %d cores%n", scene.program(), scene.milestones(),
                scene.readings(), scene.department(), scene.metricKey(), REPEATS, WARMUP,
                Runtime.getRuntime().availableProcessors());
        header("dashboards");
        measure(scene, "dashboards");
        compareWindowQueries(scene, "dashboards");
        // the plans of the queries that read the readings: the roll-up's windows and a department's series
        explain("program dashboard's windowed daily sums, raw readings, the server's shape before (OR)",
                series("", RAW_JOIN_WITH_OR, SUMS), TODAY, TODAY, scene.program());
        explain("the same, raw readings, each scope on its own index range", series("", RAW_JOIN, SUMS), TODAY, TODAY,
                scene.program());
        explain("the same from the day sums (reading_daily), as the server read them before", series("", DAILY_JOIN, DAILY_SUMS),
                TODAY, TODAY, scene.program());
        explain("the same from the day sums, a department's days as reading_daily's rows (the server's shape now)",
                DAILY_ROWS_SQL.formatted("", DAILY_SUMS), TODAY, TODAY, scene.program());
        explain("series of one department, 365 days", DAILY_SERIES_SQL.formatted(SUMS), scene.metricId(), TODAY.minusDays(364),
                TODAY, scene.departmentId());
    }

    /** The program's windowed daily sums in the three shapes, timed in the same run: what the numbers changed. */
    private static void compareWindowQueries(Scene scene, String prefix) throws Exception {
        try (Connection c = Database.connect()) {
            c.setReadOnly(true);
            Map<String, String> shapes = new LinkedHashMap<>();
            shapes.put("raw readings, one join with OR (first)", series("", RAW_JOIN_WITH_OR, SUMS));
            shapes.put("raw readings, a range per scope", series("", RAW_JOIN, SUMS));
            shapes.put("day sums, a range per scope (before)", series("", DAILY_JOIN, DAILY_SUMS));
            shapes.put("day sums, a department's as rows (now)", DAILY_ROWS_SQL.formatted("", DAILY_SUMS));
            long[] rowCount = {0};
            for (Map.Entry<String, String> shape : shapes.entrySet()) {
                long[] t = times(() -> rowCount[0] = rows(c, shape.getValue(), TODAY, TODAY, scene.program()));
                System.out.printf(Locale.ROOT, "[%s] program's windowed daily sums, %-40s: p50 %7.1f ms, p95 %7.1f ms, %,d rows%n",
                        prefix, shape.getKey(), ms(percentile(t, 0.5)), ms(percentile(t, 0.95)), rowCount[0]);
            }
        }
    }

    private static void explain(String title, String sql, Object... parameters) throws SQLException {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            System.out.println("[plan] " + title + ":");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    System.out.println("[plan]   " + rs.getString(1));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------- load

    @Test
    @Order(2)
    void readsUnderFixedRateLoad() throws Exception {
        if (!PARTS.contains("load")) {
            return;
        }
        String autocannon = System.getProperty("cx.bench.autocannon", "");
        assertTrue(!autocannon.isBlank() && Files.isRegularFile(Path.of(autocannon)),
                "-Dcx.bench.autocannon names autocannon's entry script (bench/run.sh installs it): " + autocannon);
        Scene scene = Scene.find();
        // autocannon cannot write between its requests: the dashboards under load are the unchanged ones (validated cache)
        List<Read> reads = reads(scene).stream().filter(r -> r.change() == null).toList();
        System.out.printf(Locale.ROOT, "[load] autocannon on loopback, %d s per rate, connections = max(10, rate / 4); open-loop as "
                + "far as the connections allow, so *sent* below the rate means the server could not keep up%n", LOAD_SECONDS);
        System.out.printf(Locale.ROOT, "[load] %-54s | rate/s | sent/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors%n", "read");
        for (Read read : reads) {
            get(read.path(), Tokens.of("exec")); // warm
            Integer knee = null;
            for (String rateText : LOAD_RATES.split(",")) {
                int rate = Integer.parseInt(rateText.strip());
                // a token with at least a minute left (the cache renews it) for a run of LOAD_SECONDS
                JsonNode result = autocannon(autocannon, HttpJson.forBaseUrl().uri(read.path()).toString(), Tokens.of("exec"), rate);
                JsonNode latency = result.get("latency");
                double p99 = latency.get("p99").asDouble();
                System.out.printf(Locale.ROOT, "[load] %-54s | %6d | %6.0f | %6.1f | %6.1f | %6.1f | %6.0f | %7d | %6d%n", read.name(),
                        rate, result.get("requests").get("total").asDouble() / LOAD_SECONDS, latency.get("p50").asDouble(),
                        latency.get("p90").asDouble(), p99, latency.get("max").asDouble(), result.get("non2xx").asLong(),
                        result.get("errors").asLong() + result.get("timeouts").asLong());
                if (knee == null && p99 > 500) {
                    knee = rate;
                }
            }
            System.out.printf(Locale.ROOT, "[load] %-54s | knee (first rate with p99 > 500 ms): %s%n", read.name(),
                    knee == null ? "none up to " + LOAD_RATES.substring(LOAD_RATES.lastIndexOf(',') + 1) + " req/s" : knee + " req/s");
        }
    }

    private static JsonNode autocannon(String script, String url, String token, int rate) throws Exception {
        int connections = Math.max(10, rate / 4);
        Process process = new ProcessBuilder("node", script, "--json", "--overallRate", String.valueOf(rate),
                "--connections", String.valueOf(connections), "--duration", String.valueOf(LOAD_SECONDS),
                "--timeout", "30", "--headers", "Authorization=Bearer " + token, url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertEquals(0, process.waitFor(), () -> "autocannon failed: " + new String(out, StandardCharsets.UTF_8));
        JsonNode result = JSON.readTree(out);
        assertTrue(result.get("requests").get("total").asLong() > 0, "autocannon sent requests: " + result);
        return result;
    }

    // -------------------------------------------------------------------------------------------------------- growth

    @Test
    @Order(3)
    void howCostGrowsWithTheReadings() throws Exception {
        if (!PARTS.contains("growth")) {
            return;
        }
        Scene scene = Scene.find();
        long original = scene.readings();
        System.out.println("[growth] readings × k (k = 1, " + GROWTH_FACTORS + "): the same series, days, targets and milestones; "
                + "each reading copied into k − 1 more channels (g1…), so every window holds k times the rows. HTTP median of "
                + REPEATS + " after warm-up.");
        Map<Integer, Map<String, Long>> byFactor = new LinkedHashMap<>();
        byFactor.put(1, measureQuietly(scene));
        int copies = 1;
        for (String text : GROWTH_FACTORS.split(",")) {
            int factor = Integer.parseInt(text.strip());
            long started = System.nanoTime();
            multiplyReadings(copies, factor - 1);
            copies = factor;
            long copied = System.nanoTime() - started;
            Scene grown = Scene.find();
            assertEquals(original * factor, grown.readings(), "readings × " + factor);
            System.out.printf(Locale.ROOT, "[growth] × %d: %,d readings (copied in %.1f s, then ANALYZE)%n", factor, grown.readings(),
                    copied / 1e9);
            byFactor.put(factor, measureQuietly(grown));
            compareWindowQueries(grown, "growth-detail");
        }
        List<Integer> factors = List.copyOf(byFactor.keySet());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "[growth] %-54s ", "read"));
        factors.forEach(f -> head.append(String.format(Locale.ROOT, "| × %-2d p50 ms ", f)));
        for (int i = 1; i < factors.size(); i++) {
            head.append(String.format(Locale.ROOT, "| ×%d→×%d ", factors.get(i - 1), factors.get(i)));
        }
        System.out.println(head.append("(ratio = readings ratio: linear)"));
        for (String read : byFactor.get(1).keySet()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[growth] %-54s ", read));
            factors.forEach(f -> line.append(String.format(Locale.ROOT, "| %11.1f ", ms(byFactor.get(f).get(read)))));
            for (int i = 1; i < factors.size(); i++) {
                line.append(String.format(Locale.ROOT, "| %6.2f ", (double) byFactor.get(factors.get(i)).get(read)
                        / byFactor.get(factors.get(i - 1)).get(read)));
            }
            System.out.println(line);
        }
    }

    /** HTTP and SQL timed as in the dashboards part, their lines under the growth prefix. */
    private static Map<String, Long> measureQuietly(Scene scene) throws Exception {
        header("growth-detail");
        return measure(scene, "growth-detail");
    }

    /** Copies every original reading into the channels g{first} … g{last}. */
    private static void multiplyReadings(int first, int last) throws SQLException {
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("""
                    INSERT INTO reading (metric_id, kind, day, department_id, channel, promoters, passives, detractors, satisfied,
                                         responses, score_sum, score_count, numerator, denominator, gauge_value, gauge_weight,
                                         gauge_at, source, idempotency_key, received_at)
                    SELECT metric_id, kind, day, department_id, 'g' || k, promoters, passives, detractors, satisfied, responses,
                           score_sum, score_count, numerator, denominator, gauge_value, gauge_weight, gauge_at, source,
                           idempotency_key || '~g' || k, received_at
                      FROM reading, generate_series(%d, %d) k
                     WHERE idempotency_key NOT LIKE '%%~g%%'""".formatted(first, last));
            c.commit();
            c.setAutoCommit(true);
            s.execute("ANALYZE reading");
        }
    }
}
