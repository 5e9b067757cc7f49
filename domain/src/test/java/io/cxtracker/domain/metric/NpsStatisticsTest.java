package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpsStatisticsTest {

    @Test
    void npsIsPromotersMinusDetractorsOverResponses() {
        // 100 × (55 − 20) / (55 + 25 + 20) = 100 × 35 / 100 = 35
        NpsStatistics survey = new NpsStatistics(55, 25, 20);

        assertEquals(100, survey.count());
        assertEquals(35.0, survey.value().orElseThrow());
    }

    @Test
    void answersAreSortedIntoPromotersPassivesAndDetractors() {
        // 0..6 → 7 detractors, 7..8 → 2 passives, 9..10 → 2 promoters; 100 × (2 − 7) / 11 = −45.45…
        NpsStatistics all = IntStream.rangeClosed(0, 10)
                .mapToObj(NpsStatistics::ofScore)
                .reduce(NpsStatistics.empty(), NpsStatistics::merge);

        assertEquals(new NpsStatistics(2, 2, 7), all);
        assertEquals(-45.4545, all.value().orElseThrow(), 1e-4);
    }

    @Test
    void scoreBoundariesFallOnTheRightSide() {
        assertEquals(new NpsStatistics(0, 0, 1), NpsStatistics.ofScore(6));
        assertEquals(new NpsStatistics(0, 1, 0), NpsStatistics.ofScore(7));
        assertEquals(new NpsStatistics(0, 1, 0), NpsStatistics.ofScore(8));
        assertEquals(new NpsStatistics(1, 0, 0), NpsStatistics.ofScore(9));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, 100})
    void scoresOutsideZeroToTenAreRejected(int score) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> NpsStatistics.ofScore(score));
        assertEquals("an NPS score is 0 to 10, was " + score, e.getMessage());
    }

    @Test
    void twoDepartmentsMergeToTheNpsOfTheirUnionNotTheMeanOfTheirScores() {
        // A: 8/1/1, n = 10, NPS 100 × (8 − 1) / 10 = 70
        // B: 20/20/60, n = 100, NPS 100 × (20 − 60) / 100 = −40
        // union 28/21/61, n = 110, NPS 100 × (28 − 61) / 110 = −3300 / 110 = −30
        // the mean of the two scores would be (70 − 40) / 2 = 15: wrong by 45 points
        NpsStatistics a = new NpsStatistics(8, 1, 1);
        NpsStatistics b = new NpsStatistics(20, 20, 60);

        NpsStatistics union = a.merge(b);

        assertEquals(70.0, a.value().orElseThrow());
        assertEquals(-40.0, b.value().orElseThrow());
        assertEquals(new NpsStatistics(28, 21, 61), union);
        assertEquals(110, union.count());
        assertEquals(-30.0, union.value().orElseThrow());
        double meanOfScores = (a.value().orElseThrow() + b.value().orElseThrow()) / 2;
        assertEquals(15.0, meanOfScores);
        assertNotEquals(meanOfScores, union.value().orElseThrow());
    }

    @Test
    void noAnswersMeansNoValueRatherThanZero() {
        assertTrue(NpsStatistics.empty().isEmpty());
        assertTrue(NpsStatistics.empty().value().isEmpty());
    }

    @Test
    void negativeCountsAreRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new NpsStatistics(1, -2, 3));
        assertEquals("passives must not be negative, was -2", e.getMessage());
    }
}
