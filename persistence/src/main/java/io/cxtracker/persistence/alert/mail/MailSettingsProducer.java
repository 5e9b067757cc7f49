package io.cxtracker.persistence.alert.mail;

import io.cxtracker.domain.alert.mail.MailSettings;
import io.cxtracker.domain.alert.mail.MailTiming;
import io.cxtracker.domain.alert.mail.MessageIds;
import io.cxtracker.domain.alert.webhook.RetrySchedule;
import io.cxtracker.persistence.profile.DeploymentMode;
import io.cxtracker.persistence.profile.StartupCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The alert e-mail settings from MicroProfile Config: {@code cx.mail.enabled} (true), {@code cx.public-url} (where
 * links start, default {@code http://localhost:8080/}), {@code cx.mail.message-id-domain} (the public URL's host),
 * {@code cx.mail.zone} (else {@code cx.listen.zone}, else UTC) and {@code cx.mail.digest-time} (07:00) for daily and
 * weekly digests, {@code cx.mail.retry-first} (PT1M), {@code cx.mail.retry-factor} (4), {@code cx.mail.max-attempts}
 * (6: 1, 4, 16, 64, 256 minutes), {@code cx.mail.batch-size} (20 mails per turn), {@code cx.mail.lease} (PT2M; above
 * the SMTP timeouts) and, in local mode only, {@code cx.mail.hold-after-send} (a fault hook: an ISO duration to wait
 * between a mail's acceptance and its mark as sent; set outside local mode it refuses the start), which with
 * {@code cx.mail.hold-after-send-to} holds only the mails to that address.
 */
@ApplicationScoped
public class MailSettingsProducer implements StartupCheck {
    static final String HOLD = "cx.mail.hold-after-send";

    @Produces
    MailSettings settings() {
        Config config = ConfigProvider.getConfig();
        URI publicUrl = URI.create(config.getOptionalValue("cx.public-url", String.class).orElse("http://localhost:8080/"));
        String domain = config.getOptionalValue("cx.mail.message-id-domain", String.class)
                .orElse(publicUrl.getHost() == null ? "localhost" : publicUrl.getHost());
        ZoneId zone = ZoneId.of(config.getOptionalValue("cx.mail.zone", String.class)
                .or(() -> config.getOptionalValue("cx.listen.zone", String.class)).orElse("UTC"));
        LocalTime digestTime = LocalTime.parse(config.getOptionalValue("cx.mail.digest-time", String.class).orElse("07:00"));
        RetrySchedule retries = new RetrySchedule(
                config.getOptionalValue("cx.mail.retry-first", String.class).map(Duration::parse).orElse(Duration.ofMinutes(1)),
                config.getOptionalValue("cx.mail.retry-factor", Integer.class).orElse(4),
                config.getOptionalValue("cx.mail.max-attempts", Integer.class).orElse(6));
        Duration hold = localMode(config) ? hold(config).orElse(Duration.ZERO) : Duration.ZERO;
        return new MailSettings(config.getOptionalValue("cx.mail.enabled", Boolean.class).orElse(true), publicUrl,
                new MessageIds(domain), new MailTiming(zone, digestTime), retries,
                config.getOptionalValue("cx.mail.batch-size", Integer.class).orElse(20),
                config.getOptionalValue("cx.mail.lease", String.class).map(Duration::parse).orElse(Duration.ofMinutes(2)),
                hold, hold.isZero() ? null
                        : config.getOptionalValue(HOLD + "-to", String.class).map(String::strip).orElse(null));
    }

    @Override
    public Optional<String> problem(DeploymentMode mode) {
        return judge(mode, ConfigProvider.getConfig().getOptionalValue(HOLD, String.class).orElse(null));
    }

    /** The fault hook is for a developer's machine only, and must be a duration. */
    static Optional<String> judge(DeploymentMode mode, String hold) {
        if (hold == null || hold.isBlank()) {
            return Optional.empty();
        }
        if (mode != DeploymentMode.LOCAL) {
            return Optional.of("CX_MAIL_HOLD_AFTER_SEND (" + HOLD + ") delays marking mails sent: only CX_MODE=local may set it");
        }
        try {
            if (Duration.parse(hold.strip()).isNegative()) {
                return Optional.of(HOLD + " must not be negative, not " + hold);
            }
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(HOLD + " must be an ISO-8601 duration such as PT30S, not '" + hold + "'");
        }
    }

    private static Optional<Duration> hold(Config config) {
        return config.getOptionalValue(HOLD, String.class).filter(h -> judge(DeploymentMode.LOCAL, h).isEmpty())
                .map(h -> Duration.parse(h.strip()));
    }

    private static boolean localMode(Config config) {
        return DeploymentMode.parse(config.getOptionalValue(DeploymentMode.KEY, String.class).orElse(null))
                .orElse(DeploymentMode.PRODUCTION) == DeploymentMode.LOCAL;
    }
}
