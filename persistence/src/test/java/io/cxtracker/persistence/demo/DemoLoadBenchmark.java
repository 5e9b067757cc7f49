package io.cxtracker.persistence.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.demo.DemoActor;
import io.cxtracker.demo.DemoClock;
import io.cxtracker.demo.DemoGenerator;
import io.cxtracker.demo.DemoLoader;
import io.cxtracker.demo.DemoParameters;
import io.cxtracker.demo.DemoPlan;
import io.cxtracker.persistence.support.DemoWiring;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * How long loading the demo program takes, through the use-case services into a throwaway PostgreSQL
 * database: the newcomer's demo, or with {@code -Dcx.bench.profile=benchmark} the realistic scale (50
 * departments, 2,000 milestones, 3 years of daily readings for 200 series). The baseline, measured in the
 * same run on the same server: the raw write cost of exactly the rows the load stored, COPY'd into copies
 * of their tables with the same indexes and checks (no services, no audit chain, no JPA). Not part of the
 * test suite (the name does not end in Test); run it with
 * <pre>mvn -o test -pl domain,demo,persistence -Dtest=DemoLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dcx.bench.profile=benchmark]</pre>
 * (or {@code bench/run.sh}) and read the lines starting with [demo].
 */
@ExtendWith(PostgresExtension.class)
class DemoLoadBenchmark {

    @Test
    void load(TestDatabase db) throws SQLException, IOException {
        LocalDate today = LocalDate.now(Clock.systemUTC());
        DemoParameters parameters = "benchmark".equals(System.getProperty("cx.bench.profile"))
                ? DemoParameters.benchmark(today) : DemoParameters.demo(today);
        long started = System.nanoTime();
        DemoPlan plan = DemoGenerator.generate(parameters);
        long generated = System.nanoTime();
        DemoActor actor = new DemoActor();
        DemoClock clock = new DemoClock(Clock.systemUTC());
        DemoLoader.Summary summary = new DemoLoader(DemoWiring.services(db, actor, clock), actor, clock,
                step -> System.out.println("[demo] " + step)).load(plan);
        long loaded = System.nanoTime();
        assertEquals(0, summary.rejected());
        System.out.printf("[demo] %s: plan generated in %.1f s, loaded in %.1f s%n", plan.programName(),
                (generated - started) / 1e9, (loaded - generated) / 1e9);
        System.out.println("[demo] " + summary);
        System.out.println("[demo] rows: reading " + db.number("SELECT count(*) FROM reading") + ", survey_response "
                + db.number("SELECT count(*) FROM survey_response") + ", feedback " + db.number("SELECT count(*) FROM feedback")
                + ", milestone " + db.number("SELECT count(*) FROM milestone") + ", check_in "
                + db.number("SELECT count(*) FROM check_in") + ", audit_record " + db.number("SELECT count(*) FROM audit_record"));

        Copied raw = copyEveryTable(db);
        assertTrue(raw.rows() > 0, "the load stored rows");
        double load = (loaded - generated) / 1e9;
        System.out.printf(Locale.ROOT, "[demo] baseline: the same %,d rows COPY'd raw into copies of their %d tables (same "
                + "indexes and checks): %.1f s%n", raw.rows(), raw.tables(), raw.nanos() / 1e9);
        System.out.printf(Locale.ROOT, "[demo] ratio load through the services / raw COPY of the same rows: %.1f "
                + "(%,.0f rows/s vs %,.0f rows/s)%n", load / (raw.nanos() / 1e9), raw.rows() / load, raw.rows() / (raw.nanos() / 1e9));
    }

    private record Copied(long rows, int tables, long nanos) {
    }

    /**
     * Every table the load wrote to is read out with COPY (not timed) and written back with COPY into a
     * table made LIKE it INCLUDING ALL (indexes, checks, defaults; no triggers, no foreign keys), all in one
     * transaction: the cheapest way this server can store the same bytes.
     */
    private static Copied copyEveryTable(TestDatabase db) throws SQLException, IOException {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
                        + "AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        long rows = 0;
        long nanos = 0;
        int used = 0;
        // as the owner role: the baseline makes a schema of copies, which the app's runtime role may not
        try (Connection c = db.connectAsOwner(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE SCHEMA bench_copy");
            CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
            for (String table : tables) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long count = copy.copyOut("COPY public." + table + " TO STDOUT (FORMAT binary)", out);
                if (count == 0) {
                    continue;
                }
                s.execute("CREATE TABLE bench_copy." + table + " (LIKE public." + table + " INCLUDING ALL)");
                long started = System.nanoTime();
                long copied = copy.copyIn("COPY bench_copy." + table + " FROM STDIN (FORMAT binary)",
                        new ByteArrayInputStream(out.toByteArray()));
                nanos += System.nanoTime() - started;
                assertEquals(count, copied, table);
                rows += copied;
                used++;
            }
            long started = System.nanoTime();
            c.commit();
            nanos += System.nanoTime() - started;
            c.setAutoCommit(true);
            s.execute("DROP SCHEMA bench_copy CASCADE");
        }
        return new Copied(rows, used, nanos);
    }
}
