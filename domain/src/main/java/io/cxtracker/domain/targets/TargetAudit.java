package io.cxtracker.domain.targets;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the audit trail records of a target: a snapshot of its fields, before and after a write. */
final class TargetAudit {
    static final String TARGET = "target";

    private TargetAudit() {
    }

    static Map<String, Object> target(Target t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("metric", t.metric().key().value());
        fields.put("department", t.department() == null ? null : t.department().code().value());
        fields.put("baseline", t.baseline());
        fields.put("targetValue", t.targetValue());
        fields.put("due", t.due());
        fields.put("amberTolerance", t.amberTolerance());
        fields.put("windowDays", t.windowDays());
        return fields;
    }

    /** A target belongs to its scope department, or (program-wide) to its metric's owner. */
    static String department(Target t) {
        if (t.department() != null) {
            return t.department().code().value();
        }
        return t.metric().owner() == null ? null : t.metric().owner().code().value();
    }
}
