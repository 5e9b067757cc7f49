package io.cxtracker.persistence.alert.webhook;

import io.cxtracker.domain.alert.webhook.RetrySchedule;
import io.cxtracker.domain.alert.webhook.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The delivery settings from MicroProfile Config: {@code cx.webhooks.retry-first} (ISO duration, default PT30S),
 * {@code cx.webhooks.retry-factor} (4), {@code cx.webhooks.max-attempts} (5), {@code cx.public-url} (the address
 * links in a payload start with, default {@code http://localhost:8080/}), {@code cx.webhooks.batch-size} (20) and
 * {@code cx.webhooks.lease} (PT2M; longer than the connect and read timeouts together).
 */
@ApplicationScoped
public class WebhookSettingsProducer {

    @Produces
    WebhookSettings settings() {
        var config = ConfigProvider.getConfig();
        RetrySchedule defaults = RetrySchedule.DEFAULTS;
        RetrySchedule retries = new RetrySchedule(
                config.getOptionalValue("cx.webhooks.retry-first", String.class).map(Duration::parse).orElse(defaults.first()),
                config.getOptionalValue("cx.webhooks.retry-factor", Integer.class).orElse(defaults.factor()),
                config.getOptionalValue("cx.webhooks.max-attempts", Integer.class).orElse(defaults.maxAttempts()));
        return new WebhookSettings(retries,
                URI.create(config.getOptionalValue("cx.public-url", String.class).orElse("http://localhost:8080/")),
                config.getOptionalValue("cx.webhooks.batch-size", Integer.class).orElse(20),
                config.getOptionalValue("cx.webhooks.lease", String.class).map(Duration::parse).orElse(Duration.ofMinutes(2)));
    }
}
