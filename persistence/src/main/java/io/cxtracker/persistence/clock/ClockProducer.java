package io.cxtracker.persistence.clock;

import io.cxtracker.persistence.profile.DeploymentMode;
import io.cxtracker.persistence.profile.StartupCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * "Now" for the whole app, injected everywhere it matters so rules are testable with a fixed clock. The real UTC
 * clock, unless local mode sets {@link StartClock#KEY} (tests crossing midnight): outside local mode that setting
 * is ignored here and refuses the start ({@link #problem}), so a real server's time cannot be moved.
 */
@ApplicationScoped
public class ClockProducer implements StartupCheck {
    private static final Logger LOG = Logger.getLogger(ClockProducer.class.getName());

    @Inject
    Config config;

    /** Parsed once: the clock and the database's stamps (SchemaMigrator) must move by the very same amount. */
    private volatile Duration shift;

    @Produces
    @ApplicationScoped
    Clock clock() {
        Duration moved = shift();
        if (moved.isZero()) {
            return Clock.systemUTC();
        }
        LOG.warning("Local mode: the app's clock is moved by " + moved + " (" + StartClock.KEY + "), and so are the database's stamps");
        return Clock.offset(Clock.systemUTC(), moved);
    }

    /** How far the app's clock is from the real one: zero unless local mode moves it. */
    public Duration shift() {
        Duration known = shift;
        if (known == null) {
            synchronized (this) {
                if (shift == null) {
                    shift = shift(mode(), setting().orElse(null), Clock.systemUTC());
                }
                known = shift;
            }
        }
        return known;
    }

    /** The real clock, or in local mode only, the real clock moved as the setting says. */
    static Clock choose(DeploymentMode mode, String value, Clock real) {
        Duration moved = shift(mode, value, real);
        return moved.isZero() ? real : Clock.offset(real, moved);
    }

    static Duration shift(DeploymentMode mode, String value, Clock real) {
        if (mode != DeploymentMode.LOCAL || judge(mode, value).isPresent()) {
            return Duration.ZERO; // a bad or forbidden setting refuses the start (problem); the real clock meanwhile
        }
        return StartClock.parse(value, real).map(moved -> Duration.between(moved.anchor(), moved.start())).orElse(Duration.ZERO);
    }

    @Override
    public Optional<String> problem(DeploymentMode mode) {
        return judge(mode, setting().orElse(null));
    }

    /** Why the setting cannot be used in the mode, or empty. */
    static Optional<String> judge(DeploymentMode mode, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (mode != DeploymentMode.LOCAL) {
            return Optional.of("CX_CLOCK_START (" + StartClock.KEY + ") moves the app's clock: only CX_MODE=local may set it");
        }
        try {
            StartClock.parse(value, Clock.systemUTC());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<String> setting() {
        return config.getOptionalValue(StartClock.KEY, String.class);
    }

    private DeploymentMode mode() {
        return DeploymentMode.parse(config.getOptionalValue(DeploymentMode.KEY, String.class).orElse(null))
                .orElse(DeploymentMode.PRODUCTION);
    }
}
