package io.cxtracker.domain.targets;

import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.Violations;

/**
 * What a list of targets is narrowed to: a metric, a department, both or neither. One place checks the parameters,
 * for today's list and the list as of a day alike.
 */
public record TargetListFilter(MetricKey metric, DepartmentCode department) {

    /** Blank means no filter; a bad key or code adds a violation naming {@code metric} or {@code department}. */
    public static TargetListFilter of(String metricKey, String departmentCode, Violations violations) {
        boolean byMetric = metricKey != null && !metricKey.isBlank();
        boolean byDepartment = departmentCode != null && !departmentCode.isBlank();
        violations.check(!byMetric || MetricKey.isValid(metricKey), "metric", "must be " + MetricKey.RULE);
        violations.check(!byDepartment || DepartmentCode.isValid(departmentCode), "department", "must be " + DepartmentCode.RULE);
        return new TargetListFilter(byMetric && MetricKey.isValid(metricKey) ? new MetricKey(metricKey) : null,
                byDepartment && DepartmentCode.isValid(departmentCode) ? new DepartmentCode(departmentCode) : null);
    }
}
