package io.cxtracker.domain.metric;

import io.cxtracker.domain.department.Department;
import java.util.Objects;

/**
 * Which readings a daily series is made of: one metric over a range of days, for one department or,
 * when {@code department} is null, for every reading of the metric.
 */
public record SeriesScope(Metric metric, Department department, DateRange range) {

    public SeriesScope {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(range, "range");
    }
}
