package io.cxtracker.domain.targets;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The verdict on a target at one date, with the numbers behind it and a sentence saying why, because
 * the at-risk list must tell an executive what is wrong, not only that something is.
 *
 * <p>Missing numbers are empty rather than NaN: they travel to JSON, which has no NaN.
 *
 * @param met whether the window's current value reaches the target
 * @param current the window's value, from its merged statistics
 * @param forecast the trend projected to the due date; empty without data or once the due date has passed
 * @param progress share of the way from baseline to target of the current value
 */
public record TargetEvaluation(
        Rag rag, boolean met, OptionalDouble current, OptionalDouble forecast, OptionalDouble progress, String reason) {

    public TargetEvaluation {
        Objects.requireNonNull(rag, "rag");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(progress, "progress");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an evaluation needs a reason");
        }
        if (met && rag != Rag.GREEN) {
            throw new IllegalArgumentException("a met target is green, not " + rag);
        }
    }
}
