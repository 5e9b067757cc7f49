package io.cxtracker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.demo.DemoPlan.SeriesSpec;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A demo loaded on day D and topped up later: the plan of day D carried on. Hand-checked against the demo
 * profile: 24 series, every ninth (indexes 8 and 17) silent from 45 days before the last data day.
 */
class DemoPlanContinuedTest {
    private static final LocalDate D = LocalDate.of(2026, 10, 1);
    private static final DemoPlan LOADED = DemoGenerator.generate(DemoParameters.demo(D));

    @Test
    void liveSeriesCarryOnAndSilentOnesStaySilent() {
        DemoPlan later = LOADED.continuedTo(D.plusDays(4));

        assertEquals(D.plusDays(5), later.parameters().asOf());
        assertEquals(D.plusDays(4), later.parameters().lastDataDay());
        for (SeriesSpec s : later.series()) {
            boolean silent = s.index() == 8 || s.index() == 17;
            assertEquals(silent ? D.minusDays(46) : D.plusDays(4), s.lastDay(), s.toString());
            DemoData data = new DemoData(later);
            assertEquals(!silent, data.hasData(s, D.plusDays(4)), s.toString());
            assertFalse(data.hasData(s, D.plusDays(5)), s.toString());
        }
        assertEquals(22, later.series().stream().filter(s -> new DemoData(later).hasData(s, D)).count());
    }

    @Test
    void theDaysAlreadyLoadedReadTheSameSoOldAndNewDaysFormOneCurve() {
        DemoPlan later = LOADED.continuedTo(D.plusDays(30));
        DemoData before = new DemoData(LOADED);
        DemoData after = new DemoData(later);
        for (SeriesSpec s : LOADED.series()) {
            SeriesSpec continued = later.series().get(s.index());
            for (LocalDate day = D.minusDays(3); day.isBefore(D); day = day.plusDays(1)) {
                assertEquals(before.statistics(s, day), after.statistics(continued, day), s + " on " + day);
            }
            // the level moves on by the series' own trend: a day's level is the same formula on either plan
            assertEquals(before.level(s, D.minusDays(1)), after.level(continued, D.minusDays(1)));
        }
        assertEquals(before.feedback(D.minusDays(1)), after.feedback(D.minusDays(1)));
        assertTrue(before.feedback(D).isEmpty(), "the loaded plan has no feedback on D");
        assertFalse(after.feedback(D).isEmpty(), "the continued plan has");
        assertNotNull(after.reading(later.series().stream().filter(s -> !after.isSurvey(s) && s.index() != 8 && s.index() != 17)
                .findFirst().orElseThrow(), D.plusDays(30)));
    }

    @Test
    void onlyTheDataDaysChangeAndNotBeyondTheProgram() {
        DemoPlan later = LOADED.continuedTo(D.plusDays(4));
        assertEquals(LOADED.programName(), later.programName());
        assertEquals(LOADED.targets(), later.targets());
        assertEquals(LOADED.milestones(), later.milestones());
        assertEquals(LOADED.commitments(), later.commitments());
        assertSame(LOADED, LOADED.continuedTo(D.minusDays(1)), "a day already covered changes nothing");

        DemoPlan past = LOADED.continuedTo(LocalDate.of(2030, 1, 1));
        assertEquals(LocalDate.of(2028, 12, 31), past.parameters().lastDataDay(), "the program's last day");
        assertEquals(LocalDate.of(2028, 12, 31), past.series().get(0).lastDay());
    }
}
