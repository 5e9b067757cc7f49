package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatioStatisticsTest {

    @Test
    void firstDayResolutionIsResolvedOverContacts() {
        // 100 × 72 / 90 = 80
        RatioStatistics fdr = new RatioStatistics(72, 90);

        assertEquals(90, fdr.count());
        assertEquals(80.0, fdr.value().orElseThrow());
    }

    @Test
    void churnOfTwoSegmentsIsTheirPooledRatio() {
        // 8 of 100 lost (8 %) and 2 of 400 lost (0.5 %) → 10 of 500 = 2 %, not (8 + 0.5) / 2 = 4.25 %
        RatioStatistics merged = new RatioStatistics(8, 100).merge(new RatioStatistics(2, 400));

        assertEquals(new RatioStatistics(10, 500), merged);
        assertEquals(2.0, merged.value().orElseThrow());
    }

    @Test
    void aNumeratorAboveItsDenominatorIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new RatioStatistics(91, 90));
        assertEquals("numerator (91) cannot exceed denominator (90)", e.getMessage());
    }

    @Test
    void negativeNumbersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RatioStatistics(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new RatioStatistics(0, -10));
    }

    @Test
    void anEmptyPopulationHasNoValue() {
        assertTrue(RatioStatistics.empty().value().isEmpty());
    }
}
