package io.cxtracker.api.metric;

import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.metric.ReportingFrequency;

/** A metric's definition. */
public record MetricResponse(String key, String name, String unit, MetricKind kind, Direction direction,
        String ownerDepartment, ReportingFrequency expectedFrequency, long version) {

    static MetricResponse of(MetricSummary m) {
        return new MetricResponse(m.key(), m.name(), m.unit(), m.kind(), m.direction(), m.ownerDepartment(),
                m.expectedFrequency(), m.version());
    }
}
