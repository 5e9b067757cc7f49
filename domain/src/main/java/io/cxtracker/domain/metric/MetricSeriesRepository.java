package io.cxtracker.domain.metric;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read model of the metric data: series and roll-ups computed by the database from the readings'
 * sufficient statistics (summed, never averaged), so no caller ever loads the readings themselves.
 * The domain then computes values from the merged statistics.
 */
public interface MetricSeriesRepository {

    /**
     * The metric's statistics per period of the given granularity, oldest first; periods without
     * readings are absent. Edge periods hold only the readings inside {@code range}.
     *
     * @param department null for every reading of the metric
     * @param channel null for every channel
     */
    List<SeriesBucket> series(Metric metric, DateRange range, Granularity granularity, Department department, String channel);

    /**
     * {@link #series} over the readings as they had been received at {@code knownAt}: a reading received later
     * (even for an earlier day) is absent, a reading merged into later counts with its statistics of then.
     */
    List<SeriesBucket> series(Metric metric, DateRange range, Granularity granularity, Department department, String channel,
            Instant knownAt);

    /**
     * {@link #series(Metric, DateRange, Granularity, Department, String, Instant)} of several metrics over the same
     * range, granularity and department, every channel, by metric key in the order given (a metric without readings
     * maps to an empty list). This default asks once per metric; the database's implementation asks once in all.
     *
     * @param knownAt null for the readings as they are now
     */
    default Map<MetricKey, List<SeriesBucket>> seriesOfMetrics(Collection<Metric> metrics, DateRange range,
            Granularity granularity, Department department, Instant knownAt) {
        Map<MetricKey, List<SeriesBucket>> result = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            result.put(metric.key(), new ArrayList<>(series(metric, range, granularity, department, null, knownAt)));
        }
        return result;
    }

    /**
     * The statistics of the given departments together (empty collection: every reading of the metric,
     * including readings not attributed to a department). Empty statistics when nothing was read.
     */
    MetricStatistics total(Metric metric, DateRange range, Collection<Department> departments);

    /** Each department's statistics over the range; departments without readings are absent. */
    Map<DepartmentCode, MetricStatistics> byDepartment(Metric metric, DateRange range);

    /** Daily series for many scopes at once (one query), each oldest first; a scope without readings maps to an empty list. */
    Map<SeriesScope, List<SeriesPoint>> daily(Collection<SeriesScope> scopes);
}
