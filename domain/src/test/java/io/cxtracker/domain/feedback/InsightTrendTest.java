package io.cxtracker.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.feedback.InsightTrend.Direction;
import io.cxtracker.domain.feedback.InsightTrend.PeriodVolume;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightTrendTest {

    private static List<PeriodVolume> weeks(long... volumes) {
        return java.util.Arrays.stream(volumes).mapToObj(v -> new PeriodVolume(v, 7)).toList();
    }

    @Test
    void aSteadyClimbIsRising() {
        // daily rates 2/7, 4/7, 6/7, 8/7: mean 5/7, slope 2/7 per period, rise over 3 periods 6/7 → 6/5 = 1.2 of the mean
        assertEquals(1.2, InsightTrend.relativeChange(weeks(2, 4, 6, 8)), 1e-12);
        assertEquals(Direction.RISING, InsightTrend.of(weeks(2, 4, 6, 8)));
    }

    @Test
    void aSmallWobbleIsSteady() {
        // rates 10, 9, 11, 10 (÷7): mean 10, slope 0.2, rise 0.6 → 0.06 of the mean
        assertEquals(0.06, InsightTrend.relativeChange(weeks(10, 9, 11, 10)), 1e-12);
        assertEquals(Direction.STEADY, InsightTrend.of(weeks(10, 9, 11, 10)));
    }

    @Test
    void aDeclineIsFallingAndTheThresholdBelongsToTheTrend() {
        assertEquals(Direction.FALLING, InsightTrend.of(weeks(8, 6, 4, 2)));
        // 10, 11: mean 10.5, rise 1 → 0.0952; 10, 12.5 (as 20 over 14 days vs 25 over 14): rise 2.5/11.25 = 0.222
        assertEquals(Direction.STEADY, InsightTrend.of(weeks(10, 11)));
        assertEquals(Direction.RISING, InsightTrend.of(List.of(new PeriodVolume(20, 14), new PeriodVolume(25, 14))));
        // exactly 0.2: mean 50, rise 10 → RISING (the threshold belongs to the trend)
        assertEquals(Direction.RISING, InsightTrend.of(List.of(new PeriodVolume(45, 1), new PeriodVolume(55, 1))));
    }

    @Test
    void aPeriodCutShortByTheRangeCountsByItsDailyRate() {
        // a full 30-day month with 30 items, then 10 days of the current month with 10 items: the same rate
        assertEquals(Direction.STEADY, InsightTrend.of(List.of(new PeriodVolume(30, 30), new PeriodVolume(10, 10))));
    }

    @Test
    void withoutTwoPeriodsOrWithoutVolumeThereIsNoTrend() {
        assertEquals(Direction.STEADY, InsightTrend.of(weeks(12)));
        assertEquals(Direction.STEADY, InsightTrend.of(weeks(0, 0, 0)));
        assertEquals(Direction.STEADY, InsightTrend.of(List.of()));
    }
}
