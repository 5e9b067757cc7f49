package io.cxtracker.domain.metric;

/** A snapshot of a metric's definition. */
public record MetricSummary(long id, String key, String name, String unit, MetricKind kind, Direction direction,
        String ownerDepartment, ReportingFrequency expectedFrequency, long version) {

    public static MetricSummary of(Metric metric) {
        return new MetricSummary(metric.id(), metric.key().value(), metric.name(), metric.unit(), metric.kind(),
                metric.direction(), metric.owner().code().value(), metric.expectedFrequency(), metric.version());
    }
}
