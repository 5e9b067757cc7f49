package io.cxtracker.domain.alert.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How deliveries go out: the retry schedule, the address of the app that links in a payload start with
 * ({@code publicUrl}, e.g. {@code https://cx.example.com/}), how many deliveries one turn claims, and how long a
 * claim holds before another node may take the delivery over (longer than one attempt can take).
 */
public record WebhookSettings(RetrySchedule retries, URI publicUrl, int batchSize, Duration lease) {

    public WebhookSettings {
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(publicUrl, "publicUrl");
        if (!publicUrl.toString().endsWith("/")) {
            publicUrl = URI.create(publicUrl + "/");
        }
        if (batchSize < 1 || lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a batch of 1 or more and a positive lease, not " + batchSize + ", " + lease);
        }
    }
}
