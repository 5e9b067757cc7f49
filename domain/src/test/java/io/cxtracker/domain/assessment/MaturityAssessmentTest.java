package io.cxtracker.domain.assessment;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaturityAssessmentTest {
    private static final Department SUPPORT = new Department(new DepartmentCode("support"), "Support", null);
    private static final Instant NOW = Instant.parse("2026-09-30T16:00:00Z");

    private static Map<String, Integer> answers(int... scores) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        int i = 0;
        for (MaturityQuestionnaire.Question q : MaturityQuestionnaire.QUESTIONS) {
            answers.put(q.key(), scores[i++]);
        }
        return answers;
    }

    @Test
    void theLevelComesFromTheMeanOfAllQuestions() {
        // 3 + 3 + 2 + 3 + 4 + 3 = 18 over 6 questions = 3.0: mature (the lower bound belongs to the band)
        MaturityAssessment a = new MaturityAssessment(SUPPORT, LocalDate.of(2026, 9, 30), answers(3, 3, 2, 3, 4, 3), null,
                "lee", NOW);
        assertEquals(3.0, a.meanScore());
        assertEquals(MaturityLevel.MATURE, a.level());
        // 2 + 2 + 2 + 2 + 2 + 1 = 11 / 6 = 1.83: novice
        assertEquals(MaturityLevel.NOVICE, new MaturityAssessment(SUPPORT, LocalDate.of(2026, 6, 30),
                answers(2, 2, 2, 2, 2, 1), null, "lee", NOW).level());
    }

    @Test
    void everyQuestionAndNothingElseIsAnsweredOnADayNotInTheFuture() {
        Map<String, Integer> partial = answers(1, 1, 1, 1, 1, 1);
        partial.remove("empathy");
        partial.put("free-coffee", 4);
        fields(() -> new MaturityAssessment(SUPPORT, LocalDate.of(2026, 10, 1), partial, null, "lee", NOW),
                "assessedOn", "answers.free-coffee", "answers.empathy");
        fields(() -> new MaturityAssessment(null, null, answers(5, 1, 1, 1, 1, -1), null, "lee", NOW),
                "departmentCode", "assessedOn", "answers.listens", "answers.empathy");
    }
}
