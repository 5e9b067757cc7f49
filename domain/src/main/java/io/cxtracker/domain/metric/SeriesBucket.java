package io.cxtracker.domain.metric;

import java.util.Objects;
import java.util.OptionalDouble;

/** A metric's merged statistics over one period of a series (a day, week, month or quarter). */
public record SeriesBucket(Period period, MetricStatistics statistics) {

    public SeriesBucket {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(statistics, "statistics");
    }

    public OptionalDouble value() {
        return statistics.value();
    }
}
