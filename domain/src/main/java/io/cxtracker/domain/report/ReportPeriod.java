package io.cxtracker.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The days a report covers, both inclusive, in UTC; {@code asOf} is the day lateness is judged on: the
 * period's last day, or today when the period has not ended yet.
 */
public record ReportPeriod(LocalDate from, LocalDate to, LocalDate asOf) {

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asOf, "asOf");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts: " + from + ".." + to);
        }
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
