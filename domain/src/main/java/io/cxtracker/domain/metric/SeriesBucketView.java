package io.cxtracker.domain.metric;

import java.time.LocalDate;

/**
 * One period of a metric series as callers see it.
 *
 * @param end the first day after the period
 * @param value null when nothing was measured
 * @param count the evidence behind the value (responses, denominator or gauge weight)
 */
public record SeriesBucketView(LocalDate start, LocalDate end, Granularity granularity, Double value, long count,
        MetricStatistics statistics) {

    static SeriesBucketView of(SeriesBucket bucket) {
        Period period = bucket.period();
        return new SeriesBucketView(period.start(), period.endExclusive(), period.granularity(), valueOf(bucket.statistics()),
                bucket.statistics().count(), bucket.statistics());
    }

    static Double valueOf(MetricStatistics statistics) {
        return statistics.value().isPresent() ? statistics.value().getAsDouble() : null;
    }
}
