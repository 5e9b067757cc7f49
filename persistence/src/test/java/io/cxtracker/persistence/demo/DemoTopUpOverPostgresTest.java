package io.cxtracker.persistence.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.demo.DemoActor;
import io.cxtracker.demo.DemoClock;
import io.cxtracker.demo.DemoGenerator;
import io.cxtracker.demo.DemoLoader;
import io.cxtracker.demo.DemoParameters;
import io.cxtracker.demo.DemoPlan;
import io.cxtracker.persistence.audit.ThreadTransactions;
import io.cxtracker.persistence.support.DemoWiring;
import io.cxtracker.persistence.support.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's demo loaded as of day D (data up to D − 1), then topped up as of D + 5: the days D to D + 4
 * are added for every series that was live, nothing for the two that had gone silent, and the same top-up
 * again stores nothing. The demo profile has 24 series and every ninth one (indexes 8 and 17) goes silent
 * 45 days before the last data day, so 22 series are live: 22 × 5 = 110 new series-days.
 */
class DemoTopUpOverPostgresTest {
    /** A day late in 2026; the test has a database of its own, so the counts below are only its own demo's. */
    private static final LocalDate D = LocalDate.of(2026, 10, 1);
    private static final LocalDate LAST_NEW_DAY = D.plusDays(4);

    @Test
    void fiveDaysLaterTheLiveSeriesGetExactlyFiveMoreDaysAndARerunStoresNothing() {
        // its own database: the run's shared one holds other demo tests' readings and feedback on the same days
        try (TestDatabase db = TestDatabase.start()) {
            topUpOver(db);
        }
    }

    private static void topUpOver(TestDatabase db) {
        DemoParameters parameters = DemoParameters.demo(D);
        DemoPlan plan = DemoGenerator.generate(parameters);
        assertEquals(24, plan.series().size());
        DemoActor actor = new DemoActor();
        DemoClock clock = new DemoClock(Clock.systemUTC());
        LocalDate loadStartedOn = LocalDate.now(ZoneOffset.UTC);
        DemoLoader loader = new DemoLoader(DemoWiring.services(db, actor, clock), actor, clock, step -> { });
        DemoLoader.Summary loaded = loader.load(plan);
        LocalDate loadEndedOn = LocalDate.now(ZoneOffset.UTC);
        assertEquals(0, loaded.rejected());

        DemoHistory history = new DemoHistory(new ThreadTransactions(db));
        assertEquals(Optional.of(D.minusDays(1)), history.latestDataDay());
        LocalDate loadedOn = history.loadedOn(loaded.programId()).orElseThrow();
        assertFalse(loadedOn.isBefore(loadStartedOn) || loadedOn.isAfter(loadEndedOn), "the program's creation day: " + loadedOn);
        assertEquals(0, seriesDays(db, D, LAST_NEW_DAY));
        long readingsBefore = db.number("SELECT count(*) FROM reading");

        DemoLoader.TopUp first = loader.topUp(plan, D, LAST_NEW_DAY);

        assertEquals(D, first.from());
        assertEquals(LAST_NEW_DAY, first.to());
        assertEquals(0, first.rejected());
        assertEquals(0, first.duplicates());
        assertEquals(110, seriesDays(db, D, LAST_NEW_DAY), "22 live series × 5 days");
        for (LocalDate day = D; !day.isAfter(LAST_NEW_DAY); day = day.plusDays(1)) {
            assertEquals(22, seriesDays(db, day, day), "every live series on " + day);
        }
        // the silent series (indexes 8 and 17) got nothing after their last day, D − 46
        for (int silent : new int[] {8, 17}) {
            DemoPlan.SeriesSpec s = plan.series().get(silent);
            assertEquals(D.minusDays(46), s.lastDay());
            assertEquals(0, db.number("SELECT count(*) FROM reading r JOIN metric m ON m.id = r.metric_id JOIN department d "
                    + "ON d.id = r.department_id WHERE m.metric_key = '" + s.metricKey() + "' AND d.code = '" + s.departmentCode()
                    + "' AND r.day > DATE '" + s.lastDay() + "'"), s.toString());
        }
        assertEquals(first.surveyResponses(), db.number("SELECT count(*) FROM survey_response WHERE idempotency_key LIKE 'demo-%' "
                + "AND day BETWEEN DATE '" + D + "' AND DATE '" + LAST_NEW_DAY + "'"));
        // feedback keys name their day: demo-fb-2026-10-01-0 …; the load stopped at 2026-09-30
        assertEquals(first.feedback(), db.number("SELECT count(*) FROM feedback WHERE idempotency_key LIKE 'demo-fb-2026-10-0%'"));
        assertTrue(first.surveyResponses() > 0 && first.readings() > 0 && first.feedback() > 0, first.toString());
        assertEquals(Optional.of(LAST_NEW_DAY), history.latestDataDay());
        long readingsAfter = db.number("SELECT count(*) FROM reading");
        assertTrue(readingsAfter > readingsBefore);

        DemoLoader.TopUp again = loader.topUp(plan, D, LAST_NEW_DAY);

        assertTrue(again.storedNothing(), again.toString());
        assertEquals(first.surveyResponses() + first.readings() + first.feedback(), again.duplicates(), "everything was sent before");
        assertEquals(readingsAfter, db.number("SELECT count(*) FROM reading"));
        assertEquals(110, seriesDays(db, D, LAST_NEW_DAY));
    }

    /** Distinct (metric, department, day) with a reading in the days, over every demo metric. */
    private static long seriesDays(TestDatabase db, LocalDate from, LocalDate to) {
        return db.number("SELECT count(*) FROM (SELECT DISTINCT r.metric_id, r.department_id, r.day FROM reading r "
                + "JOIN metric m ON m.id = r.metric_id WHERE m.metric_key IN ('nps', 'csat', 'ces', 'fdr', 'fcr', 'churn') "
                + "AND r.day BETWEEN DATE '" + from + "' AND DATE '" + to + "') s");
    }
}
