package io.cxtracker.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Issue 8: "exports stream: memory stays flat as the data grows". One department's accountability report
 * exported as CSV, XLSX, PDF and JSON over HTTP (token, the real WAR) at two scales of the same department:
 * N milestones (each with three check-ins and ten audit records of changes), then 10×N after the rest is
 * added. Time should grow about 10× with the rows, memory not at all. Measured per format and scale, through
 * WildFly's management model (the platform memory MBeans of the server's JVM):
 * <ul>
 * <li><b>time</b>: the median of the repeats, the client draining the body as fast as it comes. Its baseline,
 *     in the same run: raw JDBC COPY of the same department's rows (milestones, check-ins, audit records) out
 *     of the same PostgreSQL;</li>
 * <li><b>peak heap</b>: a full GC, the heap pools' peaks reset, one export, the sum of the pools' peaks (a bound
 *     from above of the heap's peak). It mixes what the export keeps with the garbage it makes before the next
 *     young collection, so it is bounded by the young generation once an export allocates more than that;</li>
 * <li><b>live heap mid-export</b>: what the export actually holds. The client stops reading at a quarter, half
 *     and three quarters of the body (the server then blocks writing into full socket buffers, in the middle
 *     of its report), forces a full GC and reads the old generation and survivors: the live heap. A report
 *     built in memory would hold its rows there, 10× more at 10×N; a streamed one holds a window.</li>
 * </ul>
 * With {@code -Dcx.it.demo.load=true} the server loads the demo program at start-up (as {@code ./cx run}
 * does) and the whole program's report (every department, the program's start to today) is measured the
 * same way.
 *
 * <p>The data is written with SQL into the run's throwaway database, the audit records through the
 * table's own hash-chaining insert trigger, so the chain stays valid. Not part of the test suite (the
 * name does not end in IT); run it with
 * <pre>flock /tmp/cx-it.lock mvn -o verify -pl it-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ExportBenchmark [-Dcx.bench.export.milestones=1000] [-Dcx.bench.export.repeats=3] [-Dcx.it.demo.load=true]</pre>
 * (or {@code bench/run.sh}) and read the lines starting with [export].
 */
@ExtendWith(ArquillianExtension.class)
class ExportBenchmark {
    static final int N = Integer.getInteger("cx.bench.export.milestones", 1000);
    static final int REPEATS = Integer.getInteger("cx.bench.export.repeats", 3);
    /**
     * How often the client pauses in the middle of a CSV, PDF or JSON export to sample the live heap (3: at 1/4, 1/2
     * and 3/4 of the body), and how long each pause lets the server fill the socket buffers and block in its write
     * before the sample. The quick smoke pauses once, briefly: each sample is a full GC of the server.
     */
    static final int PAUSES = Integer.getInteger("cx.bench.export.pauses", 3);
    static final long PAUSE_MILLIS = Long.getLong("cx.bench.export.pause.ms", 500);
    static final int CHECK_INS = 3;
    static final int CHANGES = 10;
    static final List<String> FORMATS = List.of("csv", "xlsx", "pdf", "json");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final LocalDate FROM = Plan.programStart();
    private static final LocalDate TO = Plan.today();

    private final Plan plan = new Plan();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    /**
     * One format at one scale: the median time and the size; the heap after a full GC before the export, the
     * peak during it (sum of the pools' peaks) and the largest live heap seen in the middle of it.
     */
    record Measured(long nanos, long bytes, long usedAfterGc, long peak, long liveBefore, long liveMidExport) {
    }

    @BeforeEach
    void serverIsReady() throws InterruptedException {
        ServerReady.await();
    }

    @Test
    void exportsAtNAndTenTimesN() throws Exception {
        String code = plan.department("export");
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "CHANGE", code);
        String metric = plan.metric("CSAT", "HIGHER_IS_BETTER", code);
        plan.target(metric, code, 70, 80, Plan.today().plusDays(60), 2);
        StringBuilder readings = new StringBuilder("[");
        for (int i = 1; i <= 30; i++) {
            readings.append(i == 1 ? "" : ",").append("""
                    {"day":"%s","departmentCode":"%s","channel":"chat","idempotencyKey":"%s-%d","statistics":{"satisfied":%d,"responses":100}}"""
                    .formatted(Plan.today().minusDays(i), code, metric, i, 70 + i % 15));
        }
        JsonNode ingested = Api.ok(Api.as(Tokens.INGEST).post("/api/metrics/" + metric + "/readings", readings + "]"), 200);
        assertEquals(30, ingested.get("accepted").asInt(), ingested::toString);

        try (ModelControllerClient management = ModelControllerClient.Factory.create("remote+http", "127.0.0.1",
                Integer.getInteger("cx.it.management.port", 10190))) {
            Heap heap = new Heap(management);
            long started = System.nanoTime();
            generate(code, initiative, 0, N);
            long generatedN = System.nanoTime() - started;
            // warm-up: JIT, class loading, fonts, connection pool; not measured
            for (String format : FORMATS) {
                export(query(code, FROM), format, null, null);
            }
            Map<String, Measured> atN = measureAll(query(code, FROM), heap);
            long rawN = rawRead(code);
            long[] rowsN = rows(code);

            started = System.nanoTime();
            generate(code, initiative, N, 10 * N);
            long generated10N = System.nanoTime() - started;
            Map<String, Measured> at10N = measureAll(query(code, FROM), heap);
            long raw10N = rawRead(code);
            long[] rows10N = rows(code);
            assertEquals(10 * rowsN[0], rows10N[0], "milestones grew 10×");
            assertEquals(10 * rowsN[2], rows10N[2], "audit records grew 10×");

            System.out.printf(Locale.ROOT, "[export] department %s, period %s to %s, %d cores, server heap -Xmx%s; data "
                    + "written by SQL in %.1f s and %.1f s%n", code, FROM, TO, Runtime.getRuntime().availableProcessors(),
                    heap.max() / (1024 * 1024) + "m", generatedN / 1e9, generated10N / 1e9);
            System.out.printf(Locale.ROOT, "[export] N:    %,7d milestones, %,8d check-ins, %,9d audit records%n",
                    rowsN[0], rowsN[1], rowsN[2]);
            System.out.printf(Locale.ROOT, "[export] 10×N: %,7d milestones, %,8d check-ins, %,9d audit records%n",
                    rows10N[0], rows10N[1], rows10N[2]);
            System.out.printf(Locale.ROOT, "[export] baseline, raw COPY of the department's rows out of PostgreSQL: N %.2f s, "
                    + "10×N %.2f s (ratio %.1f)%n", rawN / 1e9, raw10N / 1e9, (double) raw10N / rawN);
            System.out.printf(Locale.ROOT, "[export] time: median of %d exports; peak heap: sum of the heap pools' peaks during "
                    + "one export, after a full GC (largest of the repeats); live heap: old generation + survivors after a "
                    + "full GC with the export paused at %s of its bytes (largest), before → during; xlsx, whose "
                    + "workbook is complete before its first byte: sampled every 200 ms while it is built%n", REPEATS,
                    pausesInWords());
            System.out.println("[export] format | time N → 10×N      | time ratio | ×raw COPY N / 10×N | size N → 10×N     "
                    + "| peak heap N → 10×N | peak ratio | live heap N: before → during | 10×N: before → during | live ratio "
                    + "| held N → 10×N");
            for (String format : FORMATS) {
                Measured n = atN.get(format);
                Measured m = at10N.get(format);
                assertTrue(m.bytes() > 5 * n.bytes(), format + ": the report at 10×N carries the added rows");
                System.out.printf(Locale.ROOT, "[export] %-6s | %6.2f → %6.2f s | %10.1f | %8.1f / %-8.1f | %6.1f → %6.1f MB "
                                + "| %5.0f → %5.0f MB   | %10.2f | %6.1f → %6.1f MB           | %6.1f → %6.1f MB    | %10.2f "
                                + "| %5.1f → %5.1f MB%n",
                        format, n.nanos() / 1e9, m.nanos() / 1e9, (double) m.nanos() / n.nanos(),
                        (double) n.nanos() / rawN, (double) m.nanos() / raw10N, n.bytes() / 1e6, m.bytes() / 1e6,
                        mb(n.peak()), mb(m.peak()), (double) m.peak() / n.peak(), mb(n.liveBefore()), mb(n.liveMidExport()),
                        mb(m.liveBefore()), mb(m.liveMidExport()), (double) m.liveMidExport() / n.liveMidExport(),
                        mb(n.liveMidExport() - n.liveBefore()), mb(m.liveMidExport() - m.liveBefore()));
            }
        }
    }

    /** The whole demo program's report (all departments), when the server loaded the demo at start-up. */
    @Test
    void demoProgramExports() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("cx.it.demo.load"), "the server loads the demo only with -Dcx.it.demo.load=true");
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM milestone), (SELECT count(*) FROM check_in), (SELECT count(*) FROM audit_record),
                       (SELECT min(start_date) FROM program WHERE name LIKE 'CX Transformation %')""");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            long[] rows = {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            LocalDate start = rs.getObject(4, LocalDate.class);
            assertTrue(start != null && rows[0] > 0, "the demo program is loaded");
            String query = "from=" + start + "&to=" + TO;
            try (ModelControllerClient management = ModelControllerClient.Factory.create("remote+http", "127.0.0.1",
                    Integer.getInteger("cx.it.management.port", 10190))) {
                Heap heap = new Heap(management);
                for (String format : FORMATS) {
                    export(query, format, null, null);
                }
                Map<String, Measured> measured = measureAll(query, heap);
                System.out.printf(Locale.ROOT, "[export] demo program, every department, %s to %s: %,d milestones, %,d check-ins, "
                        + "%,d audit records in the database%n", start, TO, rows[0], rows[1], rows[2]);
                System.out.println("[export] demo   | time    | size      | peak heap | live heap before → during");
                for (String format : FORMATS) {
                    Measured m = measured.get(format);
                    System.out.printf(Locale.ROOT, "[export] %-6s | %5.2f s | %6.1f MB | %5.0f MB  | %6.1f → %6.1f MB%n", format,
                            m.nanos() / 1e9, m.bytes() / 1e6, mb(m.peak()), mb(m.liveBefore()), mb(m.liveMidExport()));
                }
            }
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String query(String code, LocalDate from) {
        return "department=" + code + "&from=" + from + "&to=" + TO;
    }

    /** Per format: the timed repeats (each with the peak heap), then one export paused for the live heap. */
    private Map<String, Measured> measureAll(String query, Heap heap) throws Exception {
        Map<String, Measured> result = new LinkedHashMap<>();
        for (String format : FORMATS) {
            long[] times = new long[REPEATS];
            long bytes = 0;
            long usedAfterGc = 0;
            long peak = 0;
            for (int i = 0; i < REPEATS; i++) {
                long used = heap.gcAndResetPeaks();
                long[] exported = export(query, format, null, null);
                long pools = heap.peak();
                times[i] = exported[0];
                bytes = exported[1];
                if (pools - used > peak - usedAfterGc) {
                    peak = pools;
                    usedAfterGc = used;
                }
            }
            Arrays.sort(times);
            long liveBefore = heap.liveAfterGc();
            long[] live = {0};
            long total = bytes;
            long[] paused = BUILT_BEFORE_FIRST_BYTE.contains(format)
                    ? exportSampledUntilFirstByte(query, format, heap, live)
                    : export(query, format, pausePositions(total), () -> {
                        live[0] = Math.max(live[0], heap.liveAfterGc());
                    });
            // the same report again: its size differs only by what each copy says about itself (id, time,
            // digests; compressed in XLSX and PDF)
            assertTrue(Math.abs(paused[1] - total) <= total / 100 + 1024, format + ": " + paused[1] + " bytes, not about " + total);
            result.put(format, new Measured(times[REPEATS / 2], bytes, usedAfterGc, peak, liveBefore, live[0]));
        }
        return result;
    }

    /** {@link #PAUSES} byte positions spread evenly over a body of {@code total} bytes: 1/4, 1/2, 3/4 for three. */
    static long[] pausePositions(long total) {
        long[] positions = new long[PAUSES];
        for (int i = 0; i < PAUSES; i++) {
            positions[i] = (i + 1) * total / (PAUSES + 1);
        }
        return positions;
    }

    /** Where the client pauses, as fractions of the body: "1/4, 1/2 and 3/4" for three pauses. */
    static String pausesInWords() {
        List<String> fractions = new ArrayList<>();
        for (int i = 1; i <= PAUSES; i++) {
            int gcd = java.math.BigInteger.valueOf(i).gcd(java.math.BigInteger.valueOf(PAUSES + 1)).intValue();
            fractions.add(i / gcd + "/" + (PAUSES + 1) / gcd);
        }
        return fractions.size() == 1 ? fractions.getFirst()
                : String.join(", ", fractions.subList(0, fractions.size() - 1)) + " and " + fractions.getLast();
    }

    /**
     * Formats whose writer needs the whole document before its first byte (an XLSX workbook is a zip written once it
     * is complete): a pause in the download would sample the heap after the build, so they are sampled during it.
     */
    private static final Set<String> BUILT_BEFORE_FIRST_BYTE = Set.of("xlsx");

    /**
     * The export with a poller that takes the live heap every 200 ms from the request's start until the body's first
     * byte arrives, i.e. while the server builds the document; the largest in {@code live[0]}.
     */
    private static long[] exportSampledUntilFirstByte(String query, String format, Heap heap, long[] live) throws Exception {
        AtomicBoolean firstByte = new AtomicBoolean();
        AtomicInteger samples = new AtomicInteger();
        Thread poller = Thread.ofPlatform().daemon().start(() -> {
            while (!firstByte.get()) {
                try {
                    long sample = heap.liveAfterGc();
                    synchronized (live) {
                        live[0] = Math.max(live[0], sample);
                    }
                    samples.incrementAndGet();
                    Thread.sleep(200);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        long[] exported = export(query, format, null, null, () -> firstByte.set(true));
        firstByte.set(true);
        poller.join();
        assertTrue(samples.get() > 0, format + ": the heap was sampled during the build");
        return exported;
    }

    /** What the client does at a pause in the body. */
    interface AtPause {
        void run() throws IOException;
    }

    /**
     * GETs the report and drains it without keeping it; at each of the byte positions {@code pauses} (null:
     * none) it stops reading for a moment, so that the server blocks in the middle of its writing, and runs
     * {@code atPause}. {time in ns, bytes}.
     */
    private static long[] export(String query, String format, long[] pauses, AtPause atPause)
            throws IOException, InterruptedException {
        return export(query, format, pauses, atPause, () -> { });
    }

    /** The same; {@code onFirstByte} runs as soon as the body's first bytes are in. */
    private static long[] export(String query, String format, long[] pauses, AtPause atPause, Runnable onFirstByte)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(HttpJson.forBaseUrl().uri("/api/reports/accountability?" + query
                        + "&format=" + format))
                .header("Authorization", "Bearer " + Tokens.of("auditor"))
                .timeout(Duration.ofMinutes(10)).GET().build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException stale) {
            if (!(stale instanceof java.io.EOFException) && !(stale.getCause() instanceof java.io.EOFException)) {
                throw stale;
            }
            // a kept-alive connection the server had closed between two exports (seen once at full scale, before
            // any byte of the answer): the export never started, so it is asked again on a new connection and timed anew
            System.out.println("[export] " + format + ": the connection closed before the answer (" + stale + "); asked again");
            started = System.nanoTime();
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
        long bytes = 0;
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new AssertionError(format + ": " + response.statusCode() + " " + new String(body.readAllBytes(),
                        StandardCharsets.UTF_8));
            }
            byte[] buffer = new byte[64 * 1024];
            int next = 0;
            for (int n; (n = body.read(buffer, 0, (int) Math.min(buffer.length, limit(pauses, next, bytes)))) >= 0; ) {
                if (bytes == 0 && n > 0) {
                    onFirstByte.run();
                }
                bytes += n;
                if (pauses != null && next < pauses.length && bytes >= pauses[next]) {
                    Thread.sleep(PAUSE_MILLIS); // the server fills the socket buffers and blocks in its write
                    atPause.run();
                    next++;
                }
            }
        }
        return new long[] {System.nanoTime() - started, bytes};
    }

    /** How much may be read before the next pause (at least one byte, so the stream keeps moving). */
    private static long limit(long[] pauses, int next, long read) {
        return pauses == null || next >= pauses.length ? Long.MAX_VALUE : Math.max(1, pauses[next] - read);
    }

    /**
     * Milestones number {@code from} to {@code to − 1} of the department: due over the period, each with three
     * check-ins (a third end DONE with evidence), one evidence link, and ten audit records of changes (created,
     * the check-ins, edits) appended through the audit table's trigger. One statement per table, one transaction.
     */
    private static void generate(String code, long initiative, int from, int to) throws SQLException {
        // due dates over the whole period; the last check-in on the due day, at the latest yesterday
        long span = ChronoUnit.DAYS.between(FROM, TO) + 1;
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            update(c, """
                    INSERT INTO milestone (initiative_id, title, description, owner_department_id, owner_person, due_date, progress,
                                           reported_status, check_in_count, last_check_in_at)
                    SELECT ?, 'Bench milestone ' || g, 'Generated for the export benchmark, number ' || g, d.id, 'lead-bench',
                           ?::date + (g % ?)::int, CASE WHEN g % 3 = 0 THEN 100 ELSE 60 END,
                           CASE WHEN g % 3 = 0 THEN 'DONE' ELSE 'AT_RISK' END, 3,
                           ((?::date + (g % ?)::int) + time '12:00') AT TIME ZONE 'UTC'
                      FROM generate_series(?, ?) g, department d WHERE d.code = ?""",
                    initiative, FROM, span, FROM, span - 1, from, to - 1, code);
            update(c, """
                    INSERT INTO milestone_evidence (milestone_id, position, url)
                    SELECT m.id, 0, 'https://intranet.example.com/bench/' || m.id FROM milestone m
                      JOIN department d ON d.id = m.owner_department_id
                     WHERE d.code = ? AND NOT EXISTS (SELECT 1 FROM milestone_evidence e WHERE e.milestone_id = m.id)""", code);
            update(c, """
                    INSERT INTO check_in (milestone_id, sequence, status, progress, comment, author, checked_in_at)
                    SELECT m.id, s, CASE s WHEN 1 THEN 'IN_PROGRESS' WHEN 2 THEN 'AT_RISK' ELSE m.reported_status END,
                           CASE s WHEN 1 THEN 20 WHEN 2 THEN 40 ELSE m.progress END,
                           'Check-in ' || s || ' of milestone ' || m.id || ': progress reviewed with the team.', 'lead-bench',
                           m.last_check_in_at - make_interval(days => 3 - s)
                      FROM milestone m JOIN department d ON d.id = m.owner_department_id, generate_series(1, 3) s
                     WHERE d.code = ? AND m.check_in_count = 3
                       AND NOT EXISTS (SELECT 1 FROM check_in c WHERE c.milestone_id = m.id)""", code);
            update(c, """
                    INSERT INTO check_in_evidence (check_in_id, position, url)
                    SELECT c.id, 0, 'https://bi.example.com/proof/' || c.id FROM check_in c
                      JOIN milestone m ON m.id = c.milestone_id JOIN department d ON d.id = m.owner_department_id
                     WHERE d.code = ? AND c.status = 'DONE'
                       AND NOT EXISTS (SELECT 1 FROM check_in_evidence e WHERE e.check_in_id = c.id)""", code);
            // ten changes per new milestone, in milestone order, as the services would have appended them
            update(c, """
                    INSERT INTO audit_record (actor, entity_type, entity_id, department_code, action, old_value, new_value, request_id)
                    SELECT 'lead-bench', 'milestone', m.id::text, ?,
                           CASE WHEN k = 1 THEN 'create' WHEN k <= 4 THEN 'check-in' ELSE 'update' END,
                           CASE WHEN k = 1 THEN '{}'::jsonb
                                ELSE jsonb_build_object('progress', (k - 1) * 10, 'title', 'Bench milestone ' || m.id) END,
                           jsonb_build_object('progress', k * 10, 'title', 'Bench milestone ' || m.id,
                                              'comment', 'Change ' || k || ' of milestone ' || m.id),
                           'bench-' || m.id || '-' || k
                      FROM milestone m JOIN department d ON d.id = m.owner_department_id, generate_series(1, ?) k
                     WHERE d.code = ? AND NOT EXISTS (SELECT 1 FROM audit_record r
                           WHERE r.entity_type = 'milestone' AND r.entity_id = m.id::text AND r.request_id LIKE 'bench-%')
                     ORDER BY m.id, k""", code, CHANGES, code);
            c.commit();
        }
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** {milestones, check-ins, audit records} of the department. */
    private static long[] rows(String code) throws SQLException {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM milestone m JOIN department d ON d.id = m.owner_department_id WHERE d.code = ?),
                       (SELECT count(*) FROM check_in c JOIN milestone m ON m.id = c.milestone_id
                          JOIN department d ON d.id = m.owner_department_id WHERE d.code = ?),
                       (SELECT count(*) FROM audit_record r WHERE r.department_code = ? AND r.request_id LIKE 'bench-%')""")) {
            s.setString(1, code);
            s.setString(2, code);
            s.setString(3, code);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    /** The baseline: the department's milestones, check-ins and audit records COPY'd out raw, median of the repeats. */
    private static long rawRead(String code) throws SQLException, IOException {
        long[] times = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            try (Connection c = Database.connect()) {
                CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
                long started = System.nanoTime();
                copy.copyOut("COPY (SELECT m.* FROM milestone m JOIN department d ON d.id = m.owner_department_id "
                        + "WHERE d.code = '" + code + "' ORDER BY m.due_date, m.id) TO STDOUT", OutputStream.nullOutputStream());
                copy.copyOut("COPY (SELECT c.* FROM check_in c JOIN milestone m ON m.id = c.milestone_id JOIN department d "
                        + "ON d.id = m.owner_department_id WHERE d.code = '" + code + "' ORDER BY c.milestone_id, c.sequence) "
                        + "TO STDOUT", OutputStream.nullOutputStream());
                copy.copyOut("COPY (SELECT * FROM audit_record WHERE department_code = '" + code + "' ORDER BY seq) TO STDOUT",
                        OutputStream.nullOutputStream());
                times[i] = System.nanoTime() - started;
            }
        }
        Arrays.sort(times);
        return times[REPEATS / 2];
    }

    /** The server JVM's heap, through the management model's platform MBeans (the memory pools of the heap). */
    static final class Heap {
        private final ModelControllerClient client;
        private final List<String> pools = new ArrayList<>();

        Heap(ModelControllerClient client) throws IOException {
            this.client = client;
            ModelNode op = op("read-children-resources", "core-service", "platform-mbean", "type", "memory-pool");
            op.get("child-type").set("name");
            op.get("include-runtime").set(true);
            for (var pool : execute(op).asPropertyList()) {
                if ("HEAP".equals(pool.getValue().get("type").asString())) {
                    pools.add(pool.getName());
                }
            }
            assertTrue(!pools.isEmpty(), "the server reports its heap pools");
        }

        /** Collects garbage, then resets the pools' peaks; the heap used after the collection. */
        long gcAndResetPeaks() throws IOException {
            execute(op("gc", "core-service", "platform-mbean", "type", "memory"));
            long used = 0;
            for (String pool : pools) {
                used += execute(readAttribute(pool, "usage")).get("used").asLong();
                execute(op("reset-peak-usage", "core-service", "platform-mbean", "type", "memory-pool", "name", pool));
            }
            return used;
        }

        /**
         * The sum of the heap pools' peaks since the reset. It bounds the heap's own peak from above (pools peak
         * at different moments), the same way at both scales.
         */
        long peak() throws IOException {
            long sum = 0;
            for (String pool : pools) {
                sum += execute(readAttribute(pool, "peak-usage")).get("used").asLong();
            }
            return sum;
        }

        /**
         * A full GC, then the old generation and survivors: the live heap. Eden is left out, as it only holds what
         * was allocated after the collection.
         */
        long liveAfterGc() throws IOException {
            execute(op("gc", "core-service", "platform-mbean", "type", "memory"));
            long live = 0;
            for (String pool : pools) {
                if (!pool.toLowerCase(Locale.ROOT).contains("eden")) {
                    live += execute(readAttribute(pool, "usage")).get("used").asLong();
                }
            }
            return live;
        }

        long max() throws IOException {
            ModelNode op = op("read-attribute", "core-service", "platform-mbean", "type", "memory");
            op.get("name").set("heap-memory-usage");
            return execute(op).get("max").asLong();
        }

        private static ModelNode readAttribute(String pool, String attribute) {
            ModelNode op = op("read-attribute", "core-service", "platform-mbean", "type", "memory-pool", "name", pool);
            op.get("name").set(attribute);
            return op;
        }

        private static ModelNode op(String name, String... address) {
            ModelNode op = new ModelNode();
            op.get("operation").set(name);
            ModelNode path = op.get("address").setEmptyList();
            for (int i = 0; i < address.length; i += 2) {
                path.add(address[i], address[i + 1]);
            }
            return op;
        }

        private ModelNode execute(ModelNode op) throws IOException {
            ModelNode result = client.execute(op);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException(op + " failed: " + result);
            }
            return result.get("result");
        }
    }
}
