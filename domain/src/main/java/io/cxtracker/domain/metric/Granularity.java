package io.cxtracker.domain.metric;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The size of the buckets a metric series is aggregated into. */
public enum Granularity {
    DAY,
    /** ISO weeks: they start on Monday whatever the locale, so every node and report agrees. */
    WEEK,
    MONTH,
    /** Calendar quarters starting January, April, July and October. */
    QUARTER;

    /** The first day of the bucket that holds {@code day}. */
    public LocalDate bucketStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withMonth(day.getMonth().firstMonthOfQuarter().getValue()).withDayOfMonth(1);
        };
    }

    /** The first day of the bucket after the one starting at {@code bucketStart}. */
    LocalDate nextBucketStart(LocalDate bucketStart) {
        return switch (this) {
            case DAY -> bucketStart.plusDays(1);
            case WEEK -> bucketStart.plusWeeks(1);
            case MONTH -> bucketStart.plusMonths(1);
            case QUARTER -> bucketStart.plusMonths(3);
        };
    }
}
