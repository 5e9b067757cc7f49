package io.cxtracker.domain.metric;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the audit trail records of a metric definition: a snapshot of its fields. */
final class MetricAudit {
    static final String METRIC = "metric";

    private MetricAudit() {
    }

    static Map<String, Object> metric(Metric m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("key", m.key().value());
        fields.put("name", m.name());
        fields.put("unit", m.unit());
        fields.put("kind", m.kind());
        fields.put("direction", m.direction());
        fields.put("ownerDepartment", m.owner() == null ? null : m.owner().code().value());
        fields.put("expectedFrequency", m.expectedFrequency());
        return fields;
    }

    static String department(Metric m) {
        return m.owner() == null ? null : m.owner().code().value();
    }
}
