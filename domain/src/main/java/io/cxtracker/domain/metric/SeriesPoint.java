package io.cxtracker.domain.metric;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A metric's statistics for one day of a series. The statistics rather than the value travel, so a
 * window of points can be merged into one exact value.
 */
public record SeriesPoint(LocalDate day, MetricStatistics statistics) {

    public SeriesPoint {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(statistics, "statistics");
    }

    public OptionalDouble value() {
        return statistics.value();
    }
}
