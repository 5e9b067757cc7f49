package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsatStatisticsTest {

    @Test
    void csatIsTheShareOfSatisfiedAnswers() {
        // 100 × 170 / 200 = 85
        assertEquals(85.0, new CsatStatistics(170, 200).value().orElseThrow());
    }

    @Test
    void fourAndFiveAreSatisfied() {
        // 1, 2, 3 not satisfied; 4, 5 satisfied → 2 of 5 → 100 × 2 / 5 = 40
        CsatStatistics all = IntStream.rangeClosed(1, 5)
                .mapToObj(CsatStatistics::ofScore)
                .reduce(CsatStatistics.empty(), CsatStatistics::merge);

        assertEquals(new CsatStatistics(2, 5), all);
        assertEquals(40.0, all.value().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -3})
    void scoresOutsideOneToFiveAreRejected(int score) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CsatStatistics.ofScore(score));
        assertEquals("a CSAT score is 1 to 5, was " + score, e.getMessage());
    }

    @Test
    void mergeAddsCountsInsteadOfAveragingPercentages() {
        // 170/200 (85 %) with 30/100 (30 %) → 200/300 = 66.67 %, not (85 + 30) / 2 = 57.5 %
        CsatStatistics merged = new CsatStatistics(170, 200).merge(new CsatStatistics(30, 100));

        assertEquals(new CsatStatistics(200, 300), merged);
        assertEquals(66.6667, merged.value().orElseThrow(), 1e-4);
    }

    @Test
    void moreSatisfiedThanResponsesIsRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new CsatStatistics(11, 10));
        assertEquals("satisfied (11) cannot exceed responses (10)", e.getMessage());
    }

    @Test
    void noResponsesMeansNoValue() {
        assertTrue(CsatStatistics.empty().value().isEmpty());
    }
}
