package io.cxtracker.domain.alert.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery in a webhook's log: what was sent, where it stands and every attempt made.
 *
 * @param nextAttemptAt when it is tried again, null once delivered or dead
 */
public record DeliveryView(long id, UUID deliveryKey, String kind, String title, DeliveryState state, int attempts,
        Instant raisedAt, Instant nextAttemptAt, List<Attempt> attemptLog) {

    public DeliveryView {
        attemptLog = List.copyOf(attemptLog);
    }

    /** One attempt: when, how long, and the receiver's status or the error. */
    public record Attempt(int number, Instant at, long durationMillis, Integer statusCode, String error) {
    }
}
