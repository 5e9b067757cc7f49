package io.cxtracker.domain.metric;

/** The command to define a metric; the owner department by code. */
public record NewMetric(String key, String name, String unit, MetricKind kind, Direction direction,
        String ownerDepartment, ReportingFrequency expectedFrequency) {
}
