package io.cxtracker.api.webhook;

import io.cxtracker.domain.alert.webhook.DeliveryView;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery of a webhook's log, with every attempt. */
@Schema(description = "A delivery of an alert (or a test) to a webhook, and every attempt made")
public record DeliveryResponse(
        long id,
        @Schema(description = "the X-CX-Delivery header of every attempt") String deliveryKey,
        @Schema(description = "the alert's kind, or TEST") String kind,
        String title,
        @Schema(description = "PENDING, DELIVERED or DEAD") String state,
        int attempts,
        Instant raisedAt,
        @Schema(description = "when it is tried again; absent once delivered or dead") Instant nextAttemptAt,
        List<Attempt> attemptLog) {

    /** One attempt: the receiver's status code, or the error when none came. */
    @Schema(description = "One attempt of a delivery")
    public record Attempt(int number, Instant at, long durationMillis, Integer statusCode, String error) {
    }

    static DeliveryResponse of(DeliveryView view) {
        return new DeliveryResponse(view.id(), view.deliveryKey().toString(), view.kind(), view.title(),
                view.state().name(), view.attempts(), view.raisedAt(), view.nextAttemptAt(),
                view.attemptLog().stream().map(a -> new Attempt(a.number(), a.at(), a.durationMillis(), a.statusCode(),
                        a.error())).toList());
    }
}
