package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricKindTest {

    @Test
    void scoresAndSharesStayWithinWhatTheyCanMeasure() {
        assertEquals(100.0, MetricKind.NPS.withinRange(329));
        assertEquals(-100.0, MetricKind.NPS.withinRange(-140.5));
        assertEquals(35.0, MetricKind.NPS.withinRange(35));
        assertEquals(100.0, MetricKind.CSAT.withinRange(104.2));
        assertEquals(0.0, MetricKind.RATIO.withinRange(-12));
        assertEquals(64.5, MetricKind.RATIO.withinRange(64.5));
    }

    @Test
    void meansAndLevelsHaveNoRangeOfTheirOwn() {
        assertEquals(-3.5, MetricKind.MEAN_SCORE.withinRange(-3.5));
        assertEquals(1.0e7, MetricKind.GAUGE.withinRange(1.0e7));
    }
}
