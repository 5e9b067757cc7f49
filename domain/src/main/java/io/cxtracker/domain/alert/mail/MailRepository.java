package io.cxtracker.domain.alert.mail;

import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.Audience;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The e-mail outbox: which alerts were expanded into deliveries, and the deliveries. Deliveries are claimed by a
 * lease written in the database, so several nodes never send the same mail at once, and one whose node died is
 * taken over when its lease runs out.
 */
public interface MailRepository {

    /** Up to {@code limit} stored alerts not expanded yet, oldest first. */
    List<UnexpandedAlert> unexpanded(int limit);

    /**
     * Marks the alerts expanded and writes their deliveries, in one statement: all or nothing, and an alert another
     * node expanded meanwhile gets no deliveries from this call. A delivery whose person has one already for the same
     * (kind, subject, period) is skipped.
     *
     * @return how many deliveries were written
     */
    int expand(Collection<Long> alertIds, List<NewDelivery> deliveries, Instant at);

    /**
     * Claims up to {@code limit} due mails — an immediate delivery, or every due delivery of one person's bundle —
     * that no other node holds (or whose claim ran out), until {@code now + lease}. A bundle claimed for the first time
     * is given its Message-ID by {@code naming}, with sequence 1 unless a bundle of that person and due time went out
     * already, and keeps it.
     */
    List<ClaimedMail> claimDue(Instant now, int limit, Duration lease, BundleNaming naming);

    /** The mail was accepted: its deliveries are SENT and released, if this claim still holds them. */
    void markSent(ClaimedMail mail, Instant at);

    /**
     * The attempt failed: counted, its error kept, the deliveries due again at {@code nextAttempt} or DEAD when it is
     * null; released.
     */
    void recordFailure(ClaimedMail mail, Instant at, String error, Instant nextAttempt);

    /** A stored alert waiting to be expanded. {@code actor} caused it (never mailed about their own action). */
    record UnexpandedAlert(long id, AlertKind kind, String subjectType, long subjectId, Audience audience, String period,
            String actor, Instant raisedAt) {

        /** (kind, subject, period): with the person, what makes a mail a repeat. */
        public String dedupKey() {
            return kind + "/" + subjectType + ":" + subjectId + "/" + period;
        }
    }

    /** A delivery to write. {@code messageId} is set for an immediate one, null for a bundled one. */
    record NewDelivery(long alertId, Recipient recipient, String dedupKey, boolean bundled, Instant dueAt,
            String messageId) {
    }

    /**
     * A mail claimed for its next attempt: the deliveries it carries (one, or a bundle's), whom to, which alerts, its
     * Message-ID and the attempts made before this one.
     */
    record ClaimedMail(List<Long> deliveryIds, Recipient recipient, boolean bundled, Instant dueAt, String messageId,
            int attempts, List<MailAlert> alerts) {

        public ClaimedMail {
            deliveryIds = List.copyOf(deliveryIds);
            alerts = List.copyOf(alerts);
        }

        @Override
        public String toString() {
            return (bundled ? "bundle " : "mail ") + messageId + " (" + deliveryIds.size() + " deliveries) to "
                    + recipient.userName();
        }
    }

    /** The Message-ID of a person's bundle of one due time. */
    @FunctionalInterface
    interface BundleNaming {
        String messageId(String userName, Instant dueAt, int sequence);
    }
}
