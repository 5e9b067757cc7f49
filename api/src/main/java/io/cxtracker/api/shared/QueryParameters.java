package io.cxtracker.api.shared;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.Violations;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads query parameters as text and converts them here, collecting a violation per bad parameter, so
 * that a bad value is a 400 naming it (JAX-RS's own conversion would answer a bare 404).
 */
public final class QueryParameters {
    /** The one description of the as-of parameter every read that takes it shares. */
    public static final String AS_OF = "as the system knew it then: a day (its end, UTC) such as 2026-06-30, or an "
            + "instant such as 2026-06-30T12:00:00Z; default now. Later check-ins, overrides, target edits and readings "
            + "received later (even for earlier days) do not count. Not after today";

    private QueryParameters() {
    }

    public static LocalDate date(Violations violations, String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(name, "must be a date like 2026-04-01 (ISO-8601)");
            return null;
        }
    }

    /** "As of": a day (its end in UTC) or an ISO-8601 instant; null when absent (today). */
    public static io.cxtracker.domain.shared.AsOf asOf(Violations violations, String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return io.cxtracker.domain.shared.AsOf.parse(text);
        } catch (IllegalArgumentException e) {
            violations.add(name, e.getMessage());
            return null;
        }
    }

    /** A positive id. */
    public static Long id(Violations violations, String name, String text) {
        Long value = whole(violations, name, text);
        if (value != null && value < 1) {
            violations.add(name, "must be 1 or more");
            return null;
        }
        return value;
    }

    public static Integer number(Violations violations, String name, String text, int min, int max) {
        Long value = whole(violations, name, text);
        if (value == null) {
            return null;
        }
        if (value < min || value > max) {
            violations.add(name, "must be between " + min + " and " + max);
            return null;
        }
        return value.intValue();
    }

    private static Long whole(Violations violations, String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            violations.add(name, "must be a whole number");
            return null;
        }
    }

    /** An enum constant by name, case-insensitive ({@code measure} or {@code MEASURE}). */
    public static <E extends Enum<E>> E enumOf(Violations violations, String name, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        violations.add(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        return null;
    }

    /** Enum constants from repeated parameters and comma-separated lists ({@code status=AT_RISK,OFF_TRACK}). */
    public static <E extends Enum<E>> Set<E> enums(Violations violations, String name, List<String> texts, Class<E> type) {
        Set<E> values = new LinkedHashSet<>();
        if (texts == null) {
            return values;
        }
        for (String text : texts) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    E value = enumOf(violations, name, part, type);
                    if (value != null) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    public static DepartmentCode department(Violations violations, String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!DepartmentCode.isValid(text.strip())) {
            violations.add(name, "must be " + DepartmentCode.RULE);
            return null;
        }
        return new DepartmentCode(text.strip());
    }
}
