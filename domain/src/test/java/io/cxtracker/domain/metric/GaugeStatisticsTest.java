package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GaugeStatisticsTest {
    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-03-02T11:00:00Z");

    @Test
    void handleTimeIsWeightedByCallsAndRemembersTheLatestReading() {
        // 240 s over 20 calls, 300 s over 10 calls, 360 s over 30 calls:
        // (240 × 20 + 300 × 10 + 360 × 30) / 60 = (4800 + 3000 + 10800) / 60 = 18600 / 60 = 310 s
        // the plain mean of the three readings would be 300 s; the latest reading is 360 s at 11:00
        GaugeStatistics nine = GaugeStatistics.of(240, 20, NINE);
        GaugeStatistics ten = GaugeStatistics.of(300, 10, TEN);
        GaugeStatistics eleven = GaugeStatistics.of(360, 30, ELEVEN);

        GaugeStatistics merged = eleven.merge(nine).merge(ten);

        assertEquals(new GaugeStatistics(18600, 60, 360, ELEVEN), merged);
        assertEquals(310.0, merged.weightedMean().orElseThrow());
        assertEquals(310.0, merged.value().orElseThrow());
        assertEquals(360.0, merged.last().orElseThrow());
        assertEquals(60, merged.count());
        assertEquals(merged, nine.merge(ten).merge(eleven));
    }

    @Test
    void readingsAtTheSameInstantMergeTheSameWayRoundWhicheverComesFirst() {
        GaugeStatistics a = GaugeStatistics.of(70, NINE);
        GaugeStatistics b = GaugeStatistics.of(65, NINE);

        assertEquals(a.merge(b), b.merge(a));
        assertEquals(70.0, a.merge(b).last().orElseThrow());
    }

    @Test
    void emptyIsTheIdentityOfMerge() {
        GaugeStatistics reading = GaugeStatistics.of(1250.5, 4, TEN);

        assertEquals(reading, GaugeStatistics.empty().merge(reading));
        assertEquals(reading, reading.merge(GaugeStatistics.empty()));
        assertTrue(GaugeStatistics.empty().last().isEmpty());
        assertTrue(GaugeStatistics.empty().weightedMean().isEmpty());
    }

    @Test
    void badReadingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GaugeStatistics.of(Double.NaN, NINE));
        assertThrows(IllegalArgumentException.class, () -> GaugeStatistics.of(Double.POSITIVE_INFINITY, NINE));
        assertThrows(IllegalArgumentException.class, () -> GaugeStatistics.of(5, 0, NINE));
        assertThrows(IllegalArgumentException.class, () -> GaugeStatistics.of(5, null));
        assertThrows(IllegalArgumentException.class, () -> new GaugeStatistics(5, 0, 5, NINE));
        assertThrows(IllegalArgumentException.class, () -> new GaugeStatistics(5, 1, 5, null));
    }
}
