package io.cxtracker.persistence.profile;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code cx.mode} / {@code CX_MODE}. Secure by default: anything but an explicit {@code local} is held to the
 * production rules; {@code ./cx run}, the tests and docker/compose.yml say {@code local}.
 */
public enum DeploymentMode {
    LOCAL, PRODUCTION;

    public static final String KEY = "cx.mode";

    /** @return the mode named, or empty when the value names none (the guard then refuses) */
    public static Optional<DeploymentMode> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(PRODUCTION);
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "local" -> Optional.of(LOCAL);
            case "production" -> Optional.of(PRODUCTION);
            default -> Optional.empty();
        };
    }
}
