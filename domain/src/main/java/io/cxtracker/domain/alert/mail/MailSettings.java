package io.cxtracker.domain.alert.mail;

import io.cxtracker.domain.alert.webhook.RetrySchedule;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How alert e-mails go out: whether at all ({@code enabled}; off, new alerts are marked expanded without
 * deliveries, so turning it on later sends no backlog), the app's public address the links start with, the Message-ID
 * domain, when digests are due ({@link MailTiming}), the retry schedule, how many mails one turn sends at most, how
 * long a claim holds before another node may take it over (longer than one SMTP attempt can take), and a local-mode
 * fault hook: how long to wait after a mail was accepted before marking it sent ({@code holdAfterSend}, zero
 * normally) — for mails to {@code holdRecipient} only when that is set, so that other mails go out at their pace —
 * so that a script can kill the server in that window.
 */
public record MailSettings(boolean enabled, URI publicUrl, MessageIds messageIds, MailTiming timing,
        RetrySchedule retries, int batchSize, Duration lease, Duration holdAfterSend, String holdRecipient) {

    public MailSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(messageIds, "messageIds");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(holdAfterSend, "holdAfterSend");
        if (!publicUrl.toString().endsWith("/")) {
            publicUrl = URI.create(publicUrl + "/");
        }
        if (batchSize < 1 || lease == null || lease.isNegative() || lease.isZero() || holdAfterSend.isNegative()) {
            throw new IllegalArgumentException("a batch of 1 or more, a positive lease and no negative hold, not "
                    + batchSize + ", " + lease + ", " + holdAfterSend);
        }
    }

    /** Whether the fault hook holds this mail between its acceptance and its mark. */
    public boolean holds(Recipient recipient) {
        return !holdAfterSend.isZero() && (holdRecipient == null || holdRecipient.equalsIgnoreCase(recipient.address()));
    }

    /**
     * How long after its claim a turn may still start sending: half the lease, so that a send started in time ends
     * (its timeouts are far shorter) before the claim runs out and another node may take the mail over.
     */
    public Duration sendingBudget() {
        return lease.dividedBy(2);
    }

    /** The preferences page every mail links to. */
    public URI preferencesUrl() {
        return publicUrl.resolve(AlertMail.PREFERENCES_PATH);
    }
}
