package io.cxtracker.domain.metric;

import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Days from {@code from} to {@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {
    /** Ten years: longer than any program, short enough that a daily series stays a screenful of data. */
    public static final int MAX_DAYS = 3660;

    /** @throws InvalidInputException naming {@code from} or {@code to} */
    public DateRange {
        Violations violations = new Violations();
        violations.required("from", from);
        violations.required("to", to);
        if (from != null && to != null) {
            violations.check(!to.isBefore(from), "to", "must not be before from (" + from + ")");
            violations.check(ChronoUnit.DAYS.between(from, to) < MAX_DAYS, "to",
                    "must be less than " + MAX_DAYS + " days after from");
        }
        violations.throwIfAny();
    }

    /** The window of {@code days} days before {@code end} up to {@code end}, as targets evaluate it. */
    public static DateRange trailing(LocalDate end, int days) {
        return new DateRange(end.minusDays(days), end);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The smallest range holding both. */
    public DateRange span(DateRange other) {
        return new DateRange(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
    }
}
