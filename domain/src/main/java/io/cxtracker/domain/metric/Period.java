package io.cxtracker.domain.metric;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One bucket of a metric series: a day, an ISO week, a month or a quarter, named by its first day.
 * The start must be a bucket start, so two periods covering the same days are always equal.
 */
public record Period(LocalDate start, Granularity granularity) {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(granularity, "granularity");
        if (!granularity.bucketStart(start).equals(start)) {
            throw new IllegalArgumentException(
                    start + " does not start a " + granularity.name().toLowerCase() + " bucket; it would start "
                            + granularity.bucketStart(start));
        }
    }

    /** The period of the given granularity that holds {@code day}. */
    public static Period containing(LocalDate day, Granularity granularity) {
        return new Period(granularity.bucketStart(day), granularity);
    }

    /** The first day after the period (exclusive end), so consecutive periods meet without a gap. */
    public LocalDate endExclusive() {
        return granularity.nextBucketStart(start);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(endExclusive());
    }

    public Period next() {
        return new Period(endExclusive(), granularity);
    }
}
