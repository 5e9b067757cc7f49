package io.cxtracker.domain.commitment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a commitment stands, and the one rule of how it moves: forward only (PROPOSED → COMMITTED →
 * IN_PROGRESS → DONE, steps may be skipped), DROPPED from any open state, and never out of DONE or
 * DROPPED. Staying in the same state is no move and always allowed.
 */
public enum CommitmentState {
    /** Suggested as an answer to an insight; nobody has promised it yet. */
    PROPOSED,
    /** The owner department has promised it. */
    COMMITTED,
    IN_PROGRESS,
    /** Delivered: the loop can be judged by the metric after. */
    DONE,
    /** Given up, with a reason. */
    DROPPED;

    public static final String RULE = "one of PROPOSED, COMMITTED, IN_PROGRESS, DONE, DROPPED";

    public boolean isClosed() {
        return this == DONE || this == DROPPED;
    }

    /** Promised: committed, in progress or done. */
    public boolean isPromised() {
        return this == COMMITTED || this == IN_PROGRESS || this == DONE;
    }

    public boolean canMoveTo(CommitmentState next) {
        if (next == this) {
            return true;
        }
        if (isClosed()) {
            return false;
        }
        return next == DROPPED || next.ordinal() > ordinal();
    }

    public static Optional<CommitmentState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
