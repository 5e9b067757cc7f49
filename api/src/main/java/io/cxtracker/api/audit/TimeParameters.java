package io.cxtracker.api.audit;

import io.cxtracker.domain.shared.Violations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads time query parameters as text, so a bad value is a 400 naming the parameter: an ISO-8601
 * instant with offset ({@code 2026-03-01T09:30:00Z}) or a day ({@code 2026-03-01}, UTC).
 */
public final class TimeParameters {
    private TimeParameters() {
    }

    /** A day means its first instant (for {@code from}), or with {@code endOfDay} the first instant after it (for {@code to}). */
    public static Instant instant(Violations violations, String name, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(name, "must be an ISO-8601 day (2026-03-01) or instant with offset (2026-03-01T09:30:00Z)");
            return null;
        }
    }

    public static LocalDate day(Violations violations, String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(name, "must be an ISO-8601 day such as 2026-03-01");
            return null;
        }
    }
}
