package io.cxtracker.domain.metric;

/**
 * A metric's merged statistics over a range, with its value.
 *
 * @param value null when nothing was measured
 */
public record StatisticsView(String metricKey, DateRange range, Double value, long count, MetricStatistics statistics) {

    static StatisticsView of(Metric metric, DateRange range, MetricStatistics statistics) {
        return new StatisticsView(metric.key().value(), range, SeriesBucketView.valueOf(statistics), statistics.count(),
                statistics);
    }
}
