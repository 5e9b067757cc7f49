package io.cxtracker.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.Tokens;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The import rate of a 100,000-row CSV through the real API (HTTP, token, CSV parsing, validation, idempotent
 * writes, readings summed from the answers, one transaction), against raw JDBC on the same PostgreSQL in the
 * same run: COPY of the same rows into the same table, and multi-row INSERTs shaped like the import's. Not part
 * of the test suite (the name does not end in IT); {@code bench/run.sh ingest} runs it and writes its figures, with the command, to
 * {@code bench/RESULTS.md}.
 */
@ExtendWith(ArquillianExtension.class)
class ImportBenchmark {
    static final int ROWS = Integer.getInteger("cx.bench.rows", 100_000);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final LocalDate FIRST_DAY = Plan.today().minusDays(365);

    private final HttpJson admin = Api.admin();
    private final Plan plan = new Plan();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    private static String channel(int i) {
        return switch (i % 3) {
            case 0 -> "phone";
            case 1 -> "chat";
            default -> "email";
        };
    }

    /** {@link #ROWS} survey answers of the department, idempotency keys prefixed; also used by CheckInDuringImportBenchmark. */
    static String surveyCsv(String department, String prefix) {
        StringBuilder csv = new StringBuilder(ROWS * 70).append("kind,score,answeredAt,channel,departmentCode,idempotencyKey\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("NPS,").append(i % 11).append(',').append(FIRST_DAY.plusDays(i % 365)).append("T10:00:00Z,")
                    .append(channel(i)).append(',').append(department).append(',').append(prefix).append(i).append('\n');
        }
        return csv.toString();
    }

    private static String readingsCsv(String department, String prefix) {
        StringBuilder csv = new StringBuilder(ROWS * 60).append("day,departmentCode,channel,numerator,denominator,idempotencyKey\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(FIRST_DAY.plusDays(i % 365)).append(',').append(department).append(',').append(channel(i)).append(',')
                    .append(50 + i % 50).append(",100,").append(prefix).append(i).append('\n');
        }
        return csv.toString();
    }

    /** The program's NPS metric, which survey answers feed: made once, shared. */
    static void ensureNpsMetric(HttpJson admin, String owner) {
        var made = admin.post("/api/metrics", """
                {"key":"nps","name":"Net Promoter Score","unit":"points","kind":"NPS","direction":"HIGHER_IS_BETTER",
                 "ownerDepartment":"%s","expectedFrequency":"DAILY"}""".formatted(owner));
        assertTrue(made.status() == 201 || made.status() == 409, made::toString);
    }

    /** POSTs a CSV as the ingest service account and answers its import report. */
    static JsonNode post(String path, String csv) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(HttpJson.forBaseUrl().uri(path))
                .header("Authorization", "Bearer " + Tokens.of("cxtracker-ingest"))
                .header("Content-Type", "text/csv; charset=utf-8")
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return new ObjectMapper().readTree(response.body());
    }

    private static long copy(String table, String columns, String csv) throws Exception {
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            long rows = new CopyManager(c.unwrap(BaseConnection.class)).copyIn(
                    "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)", new StringReader(csv));
            c.commit();
            assertEquals(ROWS, rows);
            return System.nanoTime() - started;
        }
    }

    private static long id(String sql) throws Exception {
        try (Connection c = Database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String rate(long nanos) {
        return String.format(Locale.ROOT, "%,.0f rows/s (%.1f s)", ROWS / (nanos / 1e9), nanos / 1e9);
    }

    @Test
    void importRateAgainstRawJdbc() throws Exception {
        ensureNpsMetric(admin, plan.demoDepartment("support"));
        String department = plan.department("bench");
        String fdr = plan.metric("RATIO", "HIGHER_IS_BETTER", department);
        long departmentId = id("SELECT id FROM department WHERE code = '" + department + "'");
        long npsId = id("SELECT id FROM metric WHERE metric_key = 'nps'");
        long fdrId = id("SELECT id FROM metric WHERE metric_key = '" + fdr + "'");

        // warm-up: the JIT and the connection pool, not measured
        post("/api/imports/survey-responses", surveyCsv(department, "warm-").lines().limit(2001)
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString());

        String surveys = surveyCsv(department, "bench-");
        long started = System.nanoTime();
        JsonNode surveyReport = post("/api/imports/survey-responses", surveys);
        long surveyImport = System.nanoTime() - started;
        assertEquals(ROWS, surveyReport.get("accepted").asLong(), surveyReport::toString);

        started = System.nanoTime();
        JsonNode again = post("/api/imports/survey-responses", surveys);
        long surveyReimport = System.nanoTime() - started;
        assertEquals(ROWS, again.get("duplicates").asLong());

        String readings = readingsCsv(department, "bench-");
        started = System.nanoTime();
        JsonNode readingReport = post("/api/imports/readings?value.metricKey=" + fdr, readings);
        long readingImport = System.nanoTime() - started;
        assertEquals(ROWS, readingReport.get("accepted").asLong(), readingReport::toString);

        // raw JDBC baselines, same rows, same tables, same server: COPY, and the import's own way of writing
        // (multi-row INSERT … ON CONFLICT DO NOTHING RETURNING, 500 rows per statement)
        StringBuilder surveyRows = new StringBuilder();
        StringBuilder readingRows = new StringBuilder();
        List<Object[]> surveyValues = new ArrayList<>(ROWS);
        List<Object[]> readingValues = new ArrayList<>(ROWS);
        OffsetDateTime received = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < ROWS; i++) {
            LocalDate day = FIRST_DAY.plusDays(i % 365);
            surveyRows.append("copy,copy-").append(i).append(",NPS,").append(i % 11).append(',').append(day)
                    .append("T10:00:00Z,").append(day).append(',').append(departmentId).append(',').append(channel(i))
                    .append(",,").append(npsId).append(",2026-01-01T00:00:00Z\n");
            readingRows.append(fdrId).append(",RATIO,").append(day).append(',').append(departmentId).append(',')
                    .append(channel(i)).append(',').append(50 + i % 50).append(",100,copy,copy-").append(i)
                    .append(",2026-01-01T00:00:00Z\n");
            surveyValues.add(new Object[] {"insert", "insert-" + i, "NPS", i % 11, day.atTime(10, 0).atOffset(ZoneOffset.UTC), day,
                departmentId, channel(i), npsId, received});
            readingValues.add(new Object[] {fdrId, "RATIO", day, departmentId, channel(i), (long) (50 + i % 50), 100L, "insert",
                "insert-" + i, received});
        }
        long surveyCopy = copy("survey_response", SURVEY_COPY_COLUMNS, surveyRows.toString());
        long surveyInsert = multiRowInsert("survey_response", SURVEY_INSERT_COLUMNS, "source, idempotency_key", surveyValues);
        long readingCopy = copy("reading", READING_COLUMNS, readingRows.toString());
        long readingInsert = multiRowInsert("reading", READING_COLUMNS, "metric_id, source, idempotency_key", readingValues);
        long readingSingleRows = singleRowBatch(fdrId, departmentId);

        System.out.println("[ingest] " + ROWS + " rows per file, " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println("[ingest] survey answers via POST /api/imports/survey-responses: " + rate(surveyImport));
        System.out.println("[ingest] the same file again (all duplicates):                " + rate(surveyReimport));
        System.out.println("[ingest] survey answers via JDBC COPY (raw rows only):          " + rate(surveyCopy));
        System.out.println("[ingest] survey answers via JDBC multi-row INSERT (raw rows):   " + rate(surveyInsert));
        System.out.println("[ingest] readings via POST /api/imports/readings:               " + rate(readingImport));
        System.out.println("[ingest] readings via JDBC COPY:                                " + rate(readingCopy));
        System.out.println("[ingest] readings via JDBC multi-row INSERT … ON CONFLICT:      " + rate(readingInsert));
        System.out.println("[ingest] (reference) readings via JDBC batch of 1-row INSERTs:  " + rate(readingSingleRows));
        System.out.println(String.format(Locale.ROOT, "[ingest] ratio import/COPY: survey answers %.2f, readings %.2f (goal ≤ 2)",
                (double) surveyImport / surveyCopy, (double) readingImport / readingCopy));
        System.out.println(String.format(Locale.ROOT, "[ingest] ratio import/multi-row INSERT: survey answers %.2f, readings %.2f",
                (double) surveyImport / surveyInsert, (double) readingImport / readingInsert));
    }

    private static final String SURVEY_COPY_COLUMNS = "source, idempotency_key, kind, score, answered_at, day, department_id, "
            + "channel, comment, metric_id, received_at";
    private static final String SURVEY_INSERT_COLUMNS = "source, idempotency_key, kind, score, answered_at, day, department_id, "
            + "channel, metric_id, received_at";
    private static final String READING_COLUMNS = "metric_id, kind, day, department_id, channel, numerator, denominator, source, "
            + "idempotency_key, received_at";
    /** Rows per statement, as the import's repositories send them. */
    private static final int ROWS_PER_STATEMENT = 500;

    /**
     * The rows with multi-row INSERT … ON CONFLICT (key) DO NOTHING RETURNING the key, {@link #ROWS_PER_STATEMENT} rows
     * per statement, one transaction: the statement shape the import uses, without the API around it.
     */
    private static long multiRowInsert(String table, String columns, String key, List<Object[]> rows) throws Exception {
        int width = rows.get(0).length;
        String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            long stored = 0;
            for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
                List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT));
                String sql = "INSERT INTO " + table + " (" + columns + ") VALUES "
                        + String.join(", ", Collections.nCopies(chunk.size(), row))
                        + " ON CONFLICT (" + key + ") DO NOTHING RETURNING " + key;
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    int p = 1;
                    for (Object[] values : chunk) {
                        for (Object value : values) {
                            insert.setObject(p++, value);
                        }
                    }
                    try (ResultSet returned = insert.executeQuery()) {
                        while (returned.next()) {
                            stored++;
                        }
                    }
                }
            }
            c.commit();
            assertEquals(ROWS, stored);
            return System.nanoTime() - started;
        }
    }

    /** The earlier baseline, kept for reference: one row per statement in JDBC batches of 1,000. */
    private static long singleRowBatch(long fdrId, long departmentId) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO reading (metric_id, "
                + "kind, day, department_id, channel, numerator, denominator, source, idempotency_key, received_at) "
                + "VALUES (?, 'RATIO', ?, ?, ?, ?, 100, 'jdbc', ?, now()) ON CONFLICT DO NOTHING")) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            for (int i = 0; i < ROWS; i++) {
                insert.setLong(1, fdrId);
                insert.setObject(2, FIRST_DAY.plusDays(i % 365));
                insert.setLong(3, departmentId);
                insert.setString(4, channel(i));
                insert.setLong(5, 50 + i % 50);
                insert.setString(6, "jdbc-" + i);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
            return System.nanoTime() - started;
        }
    }
}
