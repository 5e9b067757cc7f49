package io.cxtracker.domain.assessment;

import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The maturity rule: each question is scored 0 (not at all) to 4 (fully, everywhere); the level
 * comes from the mean score. Bands: below 1 ignore, 1 up to 2 novice, 2 up to 3 competent, 3 and
 * above mature — the lower bound of each band belongs to it.
 */
public final class MaturityScoring {
    public static final int LOWEST_SCORE = 0;
    public static final int HIGHEST_SCORE = 4;
    public static final double NOVICE_FROM = 1.0;
    public static final double COMPETENT_FROM = 2.0;
    public static final double MATURE_FROM = 3.0;

    private MaturityScoring() {
    }

    /** The result of scoring one assessment. */
    public record Score(double mean, MaturityLevel level) {
    }

    /**
     * @param answers question key → score 0..4; at least one
     * @throws InvalidInputException naming each out-of-range answer
     */
    public static Score score(Map<String, Integer> answers) {
        if (answers == null || answers.isEmpty()) {
            throw new InvalidInputException("answers", "an assessment needs at least one scored question");
        }
        List<FieldViolation> bad = new ArrayList<>();
        long sum = 0;
        for (var answer : answers.entrySet()) {
            Integer value = answer.getValue();
            if (value == null || value < LOWEST_SCORE || value > HIGHEST_SCORE) {
                bad.add(new FieldViolation("answers." + answer.getKey(),
                        "must be " + LOWEST_SCORE + " to " + HIGHEST_SCORE + ", was " + value));
            } else {
                sum += value;
            }
        }
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
        double mean = (double) sum / answers.size();
        return new Score(mean, levelOf(mean));
    }

    public static MaturityLevel levelOf(double mean) {
        if (mean >= MATURE_FROM) {
            return MaturityLevel.MATURE;
        }
        if (mean >= COMPETENT_FROM) {
            return MaturityLevel.COMPETENT;
        }
        if (mean >= NOVICE_FROM) {
            return MaturityLevel.NOVICE;
        }
        return MaturityLevel.IGNORE;
    }
}
