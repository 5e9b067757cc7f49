package io.cxtracker.domain.imports;

import io.cxtracker.domain.shared.Violations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fields an import understands, and how their text is read: numbers as written with a dot, days as
 * ISO dates (2026-03-01), times as ISO-8601 with an offset or Z; a time without an offset, or a bare day,
 * is taken as UTC.
 */
public final class ImportFields {
    /** The fields of a readings file, named as in the readings API. */
    public static final List<String> READING_FIELDS = List.of("metricKey", "day", "departmentCode", "channel", "source",
            "idempotencyKey", "promoters", "passives", "detractors", "satisfied", "responses", "sum", "count",
            "numerator", "denominator", "value", "weight", "at");

    /** The fields of a survey responses file, named as in the survey responses API. */
    public static final List<String> SURVEY_FIELDS = List.of("kind", "score", "answeredAt", "channel", "departmentCode",
            "comment", "source", "idempotencyKey");

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private ImportFields() {
    }

    static Long wholeNumber(ImportRow row, String field, Violations violations) {
        String text = row.text(field);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            violations.add(field, "must be a whole number, was '" + shorten(text) + "'");
            return null;
        }
    }

    static Integer smallNumber(ImportRow row, String field, Violations violations) {
        Long value = wholeNumber(row, field, violations);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            violations.add(field, "is out of range: " + value);
            return null;
        }
        return value.intValue();
    }

    static Double number(ImportRow row, String field, Violations violations) {
        String text = row.text(field);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            violations.add(field, "must be a number such as 12.5, was '" + shorten(text) + "'");
            return null;
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            violations.add(field, "must be a finite number, was '" + shorten(text) + "'");
            return null;
        }
        return value;
    }

    static LocalDate day(ImportRow row, String field, Violations violations) {
        String text = row.text(field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(field, "must be a day such as 2026-03-01, was '" + shorten(text) + "'");
            return null;
        }
    }

    static Instant instant(ImportRow row, String field, Violations violations) {
        String text = row.text(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADay) {
                    violations.add(field, "must be a time such as 2026-03-01T09:30:00Z, was '" + shorten(text) + "'");
                    return null;
                }
            }
        }
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
