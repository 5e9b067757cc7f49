package io.cxtracker.domain.commitment;

import io.cxtracker.domain.metric.DateRange;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The two windows the closed loop compares a metric in: the {@code days} days before the commitment's
 * pivot (the day it was promised), and the latest {@code days} days up to today, but none before the
 * pivot. Before the pivot day has come there is no "after".
 *
 * <p>Example: pivot 2026-05-01, today 2026-11-23, 30 days → before 2026-04-01..2026-04-30, after
 * 2026-10-25..2026-11-23. Pivot 2026-11-10 → after 2026-11-10..2026-11-23 (14 days).
 */
public record LoopWindows(DateRange before, Optional<DateRange> after) {
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    public static LoopWindows around(LocalDate pivot, LocalDate today, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a loop window is 1 to " + MAX_DAYS + " days, was " + days);
        }
        DateRange before = new DateRange(pivot.minusDays(days), pivot.minusDays(1));
        if (today.isBefore(pivot)) {
            return new LoopWindows(before, Optional.empty());
        }
        LocalDate start = today.minusDays(days - 1L);
        return new LoopWindows(before, Optional.of(new DateRange(start.isBefore(pivot) ? pivot : start, today)));
    }
}
