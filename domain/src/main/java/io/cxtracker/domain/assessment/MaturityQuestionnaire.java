package io.cxtracker.domain.assessment;

import io.cxtracker.domain.shared.Violations;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The questions a department is assessed on, each scored 0 (not at all) to 4 (fully, everywhere) — see
 * {@link MaturityScoring}. An assessment answers every question and nothing else, so that two
 * assessments (and two departments) are comparable.
 */
public final class MaturityQuestionnaire {

    /** One question: its stable key (used in the API and the database) and its wording. */
    public record Question(String key, String text) {
    }

    public static final List<Question> QUESTIONS = List.of(
            new Question("listens", "We collect the voice of the customer on every channel we own, continuously."),
            new Question("measures", "We track customer metrics (CSAT, NPS, CES, resolution) with targets we own."),
            new Question("acts", "Feedback turns into committed changes with an owner and a date."),
            new Question("closes-loop", "We check the metric after a change and tell customers what changed."),
            new Question("owns-moments", "Everyone here knows the customer moments we own and feels empowered to act."),
            new Question("empathy", "We coach empathy and review real interactions (calls, chats, emails) regularly."));

    private MaturityQuestionnaire() {
    }

    public static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        QUESTIONS.forEach(q -> keys.add(q.key()));
        return keys;
    }

    /** Adds a violation under {@code answers.<key>} for every unknown question and every question not answered. */
    public static void check(Map<String, Integer> answers, Violations violations) {
        if (answers == null || answers.isEmpty()) {
            violations.add("answers", "must score every question: " + keys());
            return;
        }
        Set<String> keys = keys();
        for (String key : answers.keySet()) {
            if (!keys.contains(key)) {
                violations.add("answers." + key, "is not a question of the questionnaire " + keys);
            }
        }
        for (String key : keys) {
            if (!answers.containsKey(key)) {
                violations.add("answers." + key, "must be scored " + MaturityScoring.LOWEST_SCORE + " to "
                        + MaturityScoring.HIGHEST_SCORE);
            }
        }
    }
}
