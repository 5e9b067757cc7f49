package io.cxtracker.domain.targets;

import static io.cxtracker.domain.metric.Direction.HIGHER_IS_BETTER;
import static io.cxtracker.domain.metric.Direction.LOWER_IS_BETTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.RatioStatistics;
import io.cxtracker.domain.metric.SeriesPoint;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RagEvaluationTest {
    private static final LocalDate DAY_0 = LocalDate.of(2027, 5, 1);
    private static final LocalDate AS_OF = DAY_0.plusDays(20); // 2027-05-21
    private static final int WINDOW = 30; // 2027-04-21 .. 2027-05-21

    // NPS baseline 20, target 45. Three weekly-ish readings of 200 answers each:
    // day 0:  100/60/40 → 100 × 60 / 200 = 30
    // day 10: 105/55/40 → 100 × 65 / 200 = 32.5
    // day 20: 110/50/40 → 100 × 70 / 200 = 35
    // window merged: 315/165/120, n = 600 → 100 × 195 / 600 = 32.5; progress (32.5 − 20) / 25 = 0.5
    // trend 0.25 per day from 30 on day 0: it reaches 45 on day 60 (2027-06-30)
    private static final TargetAttainment NPS_TARGET = new TargetAttainment(20, 45, HIGHER_IS_BETTER);
    private static final List<SeriesPoint> RISING_NPS = List.of(
            new SeriesPoint(DAY_0, new NpsStatistics(100, 60, 40)),
            new SeriesPoint(DAY_0.plusDays(10), new NpsStatistics(105, 55, 40)),
            new SeriesPoint(DAY_0.plusDays(20), new NpsStatistics(110, 50, 40)));

    private static final TargetAttainment CHURN_TARGET = new TargetAttainment(8, 5, LOWER_IS_BETTER);

    @Test
    void aForecastShortOfTheTargetButWithinToleranceIsAmber() {
        // due day 50 (2027-06-20): forecast 30 + 0.25 × 50 = 42.5, 2.5 short of 45; tolerance 3 covers it
        RagEvaluation rule = new RagEvaluation(NPS_TARGET, DAY_0.plusDays(50), 3.0, WINDOW);

        TargetEvaluation evaluation = rule.evaluate(RISING_NPS, AS_OF);

        assertEquals(Rag.AMBER, evaluation.rag());
        assertFalse(evaluation.met());
        assertEquals(32.5, evaluation.current().orElseThrow());
        assertEquals(42.5, evaluation.forecast().orElseThrow(), 1e-9);
        assertEquals(0.5, evaluation.progress().orElseThrow());
        assertEquals("forecast 42.5 at 2027-06-20 is 2.5 below target 45.0 (tolerance 3.0)", evaluation.reason());
    }

    @Test
    void theSameForecastBeyondToleranceIsRed() {
        // 2.5 short with a tolerance of 2: red
        TargetEvaluation evaluation = new RagEvaluation(NPS_TARGET, DAY_0.plusDays(50), 2.0, WINDOW)
                .evaluate(RISING_NPS, AS_OF);

        assertEquals(Rag.RED, evaluation.rag());
        assertEquals(
                "forecast 42.5 at 2027-06-20 is 2.5 below target 45.0, beyond the tolerance of 2.0",
                evaluation.reason());
    }

    @Test
    void aShortfallExactlyAtTheToleranceIsStillAmber() {
        assertEquals(Rag.AMBER, new RagEvaluation(NPS_TARGET, DAY_0.plusDays(50), 2.5, WINDOW)
                .evaluate(RISING_NPS, AS_OF).rag());
    }

    @Test
    void aForecastReachingTheTargetByTheDueDateIsGreenThoughNotYetMet() {
        // due day 60 (2027-06-30): 30 + 0.25 × 60 = 45, the target
        TargetEvaluation evaluation = new RagEvaluation(NPS_TARGET, DAY_0.plusDays(60), 0, WINDOW)
                .evaluate(RISING_NPS, AS_OF);

        assertEquals(Rag.GREEN, evaluation.rag());
        assertFalse(evaluation.met());
        assertEquals("forecast 45.0 at 2027-06-30 meets target 45.0", evaluation.reason());
    }

    @Test
    void lowerIsBetterFallsShortAboveTheTarget() {
        // churn 28/400 = 7, 27/400 = 6.75, 26/400 = 6.5 on days 0, 10, 20: −0.025 per day
        // current 81/1200 = 6.75; due day 60: 6.75 − 0.025 × (60 − 10) = 5.5, 0.5 above target 5
        List<SeriesPoint> churn = List.of(
                new SeriesPoint(DAY_0, new RatioStatistics(28, 400)),
                new SeriesPoint(DAY_0.plusDays(10), new RatioStatistics(27, 400)),
                new SeriesPoint(DAY_0.plusDays(20), new RatioStatistics(26, 400)));

        TargetEvaluation evaluation = new RagEvaluation(CHURN_TARGET, DAY_0.plusDays(60), 1.0, WINDOW)
                .evaluate(churn, AS_OF);

        assertEquals(Rag.AMBER, evaluation.rag());
        assertEquals(6.75, evaluation.current().orElseThrow());
        assertEquals(5.5, evaluation.forecast().orElseThrow(), 1e-9);
        // (6.75 − 8) / (5 − 8) = 1.25 / 3 = 0.41666…
        assertEquals(0.416667, evaluation.progress().orElseThrow(), 1e-6);
        assertEquals("forecast 5.5 at 2027-06-30 is 0.5 above target 5.0 (tolerance 1.0)", evaluation.reason());
    }

    @Test
    void meetingTheTargetNowIsGreen() {
        // churn 48 of 1000 = 4.8 ≤ 5
        List<SeriesPoint> churn = List.of(new SeriesPoint(AS_OF, new RatioStatistics(48, 1000)));

        TargetEvaluation evaluation = new RagEvaluation(CHURN_TARGET, DAY_0.plusDays(60), 0, WINDOW)
                .evaluate(churn, AS_OF);

        assertEquals(Rag.GREEN, evaluation.rag());
        assertTrue(evaluation.met());
        assertEquals(4.8, evaluation.current().orElseThrow());
        assertEquals("current 4.8 meets target 5.0", evaluation.reason());
    }

    @Test
    void theCurrentValueMergesTheWindowRatherThanAveragingIt() {
        // 60/1000 = 6 % and 1/100 = 1 %: the mean 3.5 % would meet 5 %, the pooled 61/1100 = 5.545 % does not
        List<SeriesPoint> churn = List.of(
                new SeriesPoint(AS_OF.minusDays(1), new RatioStatistics(60, 1000)),
                new SeriesPoint(AS_OF, new RatioStatistics(1, 100)));

        TargetEvaluation evaluation = new RagEvaluation(CHURN_TARGET, DAY_0.plusDays(60), 0, WINDOW)
                .evaluate(churn, AS_OF);

        assertFalse(evaluation.met());
        assertEquals(5.5455, evaluation.current().orElseThrow(), 1e-4);
    }

    @Test
    void anEmptyWindowIsNoDataNeverGreen() {
        // one reading 31 days before asOf, one the day after: neither is in [2027-04-20, 2027-05-20]
        LocalDate asOf = LocalDate.of(2027, 5, 20);
        List<SeriesPoint> outside = List.of(
                new SeriesPoint(asOf.minusDays(31), new NpsStatistics(90, 10, 0)),
                new SeriesPoint(asOf.plusDays(1), new NpsStatistics(90, 10, 0)),
                new SeriesPoint(asOf, NpsStatistics.empty()));

        TargetEvaluation evaluation = new RagEvaluation(NPS_TARGET, DAY_0.plusDays(60), 5, WINDOW)
                .evaluate(outside, asOf);

        assertEquals(Rag.NO_DATA, evaluation.rag());
        assertFalse(evaluation.met());
        assertTrue(evaluation.current().isEmpty());
        assertTrue(evaluation.forecast().isEmpty());
        assertTrue(evaluation.progress().isEmpty());
        assertEquals("no readings between 2027-04-20 and 2027-05-20", evaluation.reason());
        assertEquals(Rag.NO_DATA, new RagEvaluation(NPS_TARGET, DAY_0.plusDays(60), 5, WINDOW)
                .evaluate(List.of(), asOf).rag());
    }

    @Test
    void theFirstDayOfTheWindowCounts() {
        // a promoter-only reading exactly 30 days before asOf: NPS 100, met
        List<SeriesPoint> series = List.of(new SeriesPoint(AS_OF.minusDays(WINDOW), new NpsStatistics(10, 0, 0)));

        assertEquals(Rag.GREEN, new RagEvaluation(NPS_TARGET, DAY_0.plusDays(60), 0, WINDOW)
                .evaluate(series, AS_OF).rag());
    }

    @Test
    void anUnmetTargetPastItsDueDateIsRedWhateverTheTrend() {
        // due day 15, evaluated on day 20: current 32.5 is 12.5 below 45 and there is no time left
        TargetEvaluation evaluation = new RagEvaluation(NPS_TARGET, DAY_0.plusDays(15), 100, WINDOW)
                .evaluate(RISING_NPS, AS_OF);

        assertEquals(Rag.RED, evaluation.rag());
        assertTrue(evaluation.forecast().isEmpty());
        assertEquals("due date 2027-05-16 has passed and current 32.5 is 12.5 below target 45.0", evaluation.reason());
    }

    @Test
    void todayComesFromTheClock() {
        Clock clock = Clock.fixed(AS_OF.atTime(23, 59).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        RagEvaluation rule = new RagEvaluation(NPS_TARGET, DAY_0.plusDays(50), 3.0, WINDOW);

        assertEquals(rule.evaluate(RISING_NPS, AS_OF), rule.evaluate(RISING_NPS, clock));
    }

    @Test
    void aWindowMixingMetricKindsIsRejected() {
        List<SeriesPoint> mixed = List.of(
                new SeriesPoint(AS_OF, new NpsStatistics(1, 0, 0)),
                new SeriesPoint(AS_OF, new CsatStatistics(1, 1)));

        assertThrows(IllegalArgumentException.class,
                () -> new RagEvaluation(NPS_TARGET, DAY_0.plusDays(60), 0, WINDOW).evaluate(mixed, AS_OF));
    }

    @Test
    void aNegativeToleranceOrWindowIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RagEvaluation(NPS_TARGET, AS_OF, -1, WINDOW));
        assertThrows(IllegalArgumentException.class, () -> new RagEvaluation(NPS_TARGET, AS_OF, 0, -1));
    }

    @Test
    void aForecastNeverRunsPastWhatAnNpsCanBe() {
        // day 0: 100/0/100 → NPS 0; day 10: 150/0/50 → NPS 50; the line rises 5 a day and would reach
        // 0 + 5 × 50 = 250 on day 50, but an NPS ends at 100: the forecast says 100
        List<SeriesPoint> steep = List.of(
                new SeriesPoint(DAY_0, new NpsStatistics(100, 0, 100)),
                new SeriesPoint(DAY_0.plusDays(10), new NpsStatistics(150, 0, 50)));
        TargetEvaluation evaluation = new RagEvaluation(new TargetAttainment(0, 90, HIGHER_IS_BETTER), DAY_0.plusDays(50), 3.0, WINDOW)
                .evaluate(steep, DAY_0.plusDays(10));

        assertEquals(Rag.GREEN, evaluation.rag());
        assertEquals(100.0, evaluation.forecast().orElseThrow());
        assertEquals("forecast 100.0 at 2027-06-20 meets target 90.0", evaluation.reason());
    }

    @Test
    void aFallingShareStopsAtZeroPercent() {
        // churn 8/100 = 8 % on day 0, 4/100 = 4 % on day 10: −0.4 a day, 8 − 0.4 × 50 = −12 % on day 50 → 0 %;
        // the window merges to 12/200 = 6 %, not yet the 5 % target (lower is better)
        List<SeriesPoint> falling = List.of(
                new SeriesPoint(DAY_0, new RatioStatistics(8, 100)),
                new SeriesPoint(DAY_0.plusDays(10), new RatioStatistics(4, 100)));
        TargetEvaluation evaluation = new RagEvaluation(CHURN_TARGET, DAY_0.plusDays(50), 0.5, WINDOW)
                .evaluate(falling, DAY_0.plusDays(10));

        assertEquals(6.0, evaluation.current().orElseThrow());
        assertEquals(0.0, evaluation.forecast().orElseThrow());
        assertEquals(Rag.GREEN, evaluation.rag());
        assertEquals("forecast 0.0 at 2027-06-20 meets target 5.0", evaluation.reason());
    }
}
