package io.cxtracker.domain.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaturityScoringTest {

    @ParameterizedTest(name = "mean {0} → {1}")
    @CsvSource({
            "0.0, IGNORE", "0.99, IGNORE",
            "1.0, NOVICE", "1.99, NOVICE",
            "2.0, COMPETENT", "2.99, COMPETENT",
            "3.0, MATURE", "4.0, MATURE"})
    void eachBoundaryBelongsToTheHigherBand(double mean, MaturityLevel expected) {
        assertEquals(expected, MaturityScoring.levelOf(mean));
    }

    @Test
    void meanOfTheAnswersDecides() {
        // (3 + 2 + 2 + 1) / 4 = 2.0 → competent, exactly on the boundary
        var score = MaturityScoring.score(Map.of("listens", 3, "measures", 2, "acts", 2, "shares", 1));
        assertEquals(2.0, score.mean());
        assertEquals(MaturityLevel.COMPETENT, score.level());
        // (1 + 2 + 2 + 2) / 4 = 1.75 → novice
        assertEquals(MaturityLevel.NOVICE, MaturityScoring.score(Map.of("a", 1, "b", 2, "c", 2, "d", 2)).level());
    }

    @Test
    void everyOutOfRangeAnswerIsNamed() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("listens", 5);
        answers.put("measures", 2);
        answers.put("acts", -1);
        var e = assertThrows(InvalidInputException.class, () -> MaturityScoring.score(answers));
        assertEquals(2, e.violations().size());
        assertEquals("answers.listens", e.violations().get(0).field());
        assertEquals("answers.acts", e.violations().get(1).field());
    }

    @Test
    void anEmptyAssessmentIsRefused() {
        assertThrows(InvalidInputException.class, () -> MaturityScoring.score(Map.of()));
    }
}
