package io.cxtracker.domain.alert.webhook;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A delivery claimed for its next attempt, with what it is sent and where. Everything the payload says was fixed
 * when the delivery was written (in the alert's transaction), so every attempt sends the same bytes.
 *
 * @param kind the alert's kind, or {@code TEST} for a test send
 * @param attempts attempts made before this one
 * @param department the subject's department code, null when it has none (a program's digest)
 * @param dueDay the subject's due day, null when it has none
 * @param status the subject's status when the alert was raised, null when it has none
 * @param link the application path of the item, e.g. {@code departments/support}
 */
public record DueDelivery(long id, UUID deliveryKey, long webhookId, URI url, String secret, int attempts,
        String kind, String subjectType, long subjectId, String subjectTitle, String title, String body, String link,
        long programId, String programName, String department, LocalDate dueDay, String status, Instant raisedAt) {

    /** The secret stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "delivery " + id + " (" + deliveryKey + ") of " + kind + " to webhook " + webhookId;
    }
}
