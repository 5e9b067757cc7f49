package io.cxtracker.domain.imports;

import io.cxtracker.domain.shared.StorableText;
import io.cxtracker.domain.shared.Violations;
import java.time.DateTimeException;
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

    /**
     * The longest number, day or time a cell may hold. The longest exact double needs 24 characters
     * ({@code -2.2250738585072014E-308}); a cell longer than this is refused before any parsing, so a file cannot
     * buy seconds of CPU per cell with tens of thousands of digits (a regular expression or a decimal conversion
     * over such a cell costs time that grows faster than its length).
     */
    public static final int MAX_SCALAR_LENGTH = 40;

    /** The longest cell an import reads: its longest stored fields (a survey comment) hold 4000 characters. */
    public static final int MAX_CELL_LENGTH = 4000;

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private ImportFields() {
    }

    static Long wholeNumber(ImportRow row, String field, Violations violations) {
        String text = scalar(row, field, "a whole number", violations);
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
        String text = scalar(row, field, "a number", violations);
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
        String text = scalar(row, field, "a day", violations);
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
        String text = scalar(row, field, "a time", violations);
        if (text == null) {
            return null;
        }
        Instant utc = utcSeconds(text);
        if (utc != null) {
            return utc;
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

    /**
     * The time of the form survey and contact-center tools export (2026-03-01T09:30:00Z) read digit by digit: the
     * general parser costs several times more and an import reads one per row. Null for any other form, and for a
     * date that does not exist, which the general parser then reads or refuses with its reason.
     */
    static Instant utcSeconds(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException noSuchTime) {
            return null;
        }
    }

    /** The number the ASCII digits from..to spell, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The stripped text of a number, day or time field, or null when it is absent, or too long to be one (then
     * refused with its length, in constant time).
     */
    private static String scalar(ImportRow row, String field, String what, Violations violations) {
        String raw = row.values().get(field);
        if (raw != null && raw.length() > MAX_SCALAR_LENGTH && raw.strip().length() > MAX_SCALAR_LENGTH) {
            violations.add(field, "must be " + what + " of at most " + MAX_SCALAR_LENGTH + " characters, was "
                    + raw.length() + " characters long ('" + shorten(raw) + "')");
            return null;
        }
        return row.text(field);
    }

    /**
     * Adds a violation for every cell longer than any field an import stores, and for every cell whose text
     * PostgreSQL could not store as it is in the file (a NUL character, a lone UTF-16 surrogate): such a row is
     * refused, never stored with its text changed. The length comes first and costs nothing, so a megabyte cell is
     * refused without being read.
     */
    static void checkCells(ImportRow row, Violations violations) {
        row.values().forEach((field, value) -> {
            if (value == null) {
                return;
            }
            if (value.length() > MAX_CELL_LENGTH) {
                violations.add(field, "holds " + value.length() + " characters; no field of an import is longer than "
                        + MAX_CELL_LENGTH + " ('" + shorten(value) + "')");
                return;
            }
            String defect = StorableText.defect(value);
            if (defect != null) {
                violations.add(field, defect);
            }
        });
    }

    static String shorten(String text) {
        if (text.length() <= 40) {
            return text;
        }
        // never cut a character outside the Basic Multilingual Plane in half
        int end = Character.isHighSurrogate(text.charAt(39)) ? 39 : 40;
        return text.substring(0, end) + "…";
    }
}
