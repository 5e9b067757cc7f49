package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeanScoreStatisticsTest {

    @Test
    void customerEffortScoreFromTheSeedIsEightPointEight() {
        // 880 / 100 = 8.8
        MeanScoreStatistics ces = new MeanScoreStatistics(880, 100);

        assertEquals(100, ces.count());
        assertEquals(8.8, ces.value().orElseThrow());
    }

    @Test
    void mergingWeighsEachAnswerNotEachDepartment() {
        // 3 answers 2, 3, 7 (sum 12) with 1 answer 6 → 18 / 4 = 4.5; mean of means (4 + 6) / 2 = 5
        MeanScoreStatistics first = MeanScoreStatistics.ofScore(2)
                .merge(MeanScoreStatistics.ofScore(3))
                .merge(MeanScoreStatistics.ofScore(7));
        MeanScoreStatistics merged = first.merge(MeanScoreStatistics.ofScore(6));

        assertEquals(new MeanScoreStatistics(12, 3), first);
        assertEquals(new MeanScoreStatistics(18, 4), merged);
        assertEquals(4.5, merged.value().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteSumsAreRejected(double sum) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new MeanScoreStatistics(sum, 1));
        assertEquals("sum must be a finite number, was " + sum, e.getMessage());
    }

    @Test
    void aSumWithoutScoresIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MeanScoreStatistics(5, 0));
        assertThrows(IllegalArgumentException.class, () -> new MeanScoreStatistics(5, -1));
    }

    @Test
    void noScoresMeansNoValue() {
        assertTrue(MeanScoreStatistics.empty().value().isEmpty());
    }
}
