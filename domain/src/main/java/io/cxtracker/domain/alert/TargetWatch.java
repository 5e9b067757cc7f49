package io.cxtracker.domain.alert;

import io.cxtracker.domain.targets.Rag;
import java.util.Objects;
import java.util.Optional;

/**
 * What was last seen of a target: its colour and whether its forecast reached it. Kept between
 * evaluations so that a rule fires on the change, not on every evaluation that sees the same state.
 *
 * @param reaching whether the forecast reached the target; false without a forecast
 */
public record TargetWatch(Rag rag, boolean reaching) {

    public TargetWatch {
        Objects.requireNonNull(rag, "rag");
    }

    /** The stored form, e.g. {@code AMBER/reaching}. */
    public String text() {
        return rag + (reaching ? "/reaching" : "/missing");
    }

    public static Optional<TargetWatch> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TargetWatch(Rag.valueOf(text.substring(0, slash)),
                    "reaching".equals(text.substring(slash + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
