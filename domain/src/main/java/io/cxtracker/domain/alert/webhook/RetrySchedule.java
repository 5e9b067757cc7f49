package io.cxtracker.domain.alert.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the first failure {@code first}, each later wait {@code factor}
 * times the one before (30 s, 2 min, 8 min, 32 min with the defaults), and after {@code maxAttempts} failed
 * attempts never again: the delivery is dead and waits for a person to look at the receiver.
 */
public record RetrySchedule(Duration first, int factor, int maxAttempts) {
    public static final RetrySchedule DEFAULTS = new RetrySchedule(Duration.ofSeconds(30), 4, 5);
    /** More attempts than this would wait longer than anyone still cares about the alert. */
    public static final int MAX_ATTEMPTS = 20;

    public RetrySchedule {
        if (first == null || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first wait must be positive, not " + first);
        }
        if (factor < 1) {
            throw new IllegalArgumentException("the factor must be 1 or more, not " + factor);
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("attempts must be between 1 and " + MAX_ATTEMPTS + ", not " + maxAttempts);
        }
    }

    /**
     * The wait before the next attempt once {@code failedAttempts} attempts have failed, or empty when that was the
     * last one allowed (the delivery is dead).
     */
    public Optional<Duration> waitAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no attempt has failed yet");
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = first;
        for (int i = 1; i < failedAttempts; i++) {
            wait = wait.multipliedBy(factor);
        }
        return Optional.of(wait);
    }
}
