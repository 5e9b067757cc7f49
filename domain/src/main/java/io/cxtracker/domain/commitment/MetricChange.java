package io.cxtracker.domain.commitment;

import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricStatistics;

/**
 * Did the metric move? Its value in the window before the commitment against its value after, each from
 * the window's merged sufficient statistics (never an average of daily values). The change is after −
 * before in the metric's units; it is an improvement when it goes the metric's good way, and no
 * improvement when it does not move at all. Without data on either side the change is unknown (null).
 *
 * @param departmentCode the scope: a department, or null for the whole company
 * @param after null when the after window has not started
 */
public record MetricChange(String metricKey, String metricName, String unit, Direction direction, String departmentCode,
        WindowValue before, WindowValue after, Double change, Boolean improved) {

    /**
     * A window's value and the evidence behind it.
     *
     * @param value null when nothing was measured in the window
     * @param count responses, denominator or gauge weight behind the value
     */
    public record WindowValue(DateRange range, Double value, long count) {
        static WindowValue of(DateRange range, MetricStatistics statistics) {
            return new WindowValue(range, statistics.value().isPresent() ? statistics.value().getAsDouble() : null,
                    statistics.count());
        }
    }

    /** @param after null when the after window has not started */
    public static MetricChange of(Metric metric, String departmentCode, DateRange beforeRange, MetricStatistics before,
            DateRange afterRange, MetricStatistics after) {
        WindowValue beforeValue = WindowValue.of(beforeRange, before);
        WindowValue afterValue = afterRange == null ? null : WindowValue.of(afterRange, after);
        Double change = null;
        Boolean improved = null;
        if (beforeValue.value() != null && afterValue != null && afterValue.value() != null) {
            change = afterValue.value() - beforeValue.value();
            improved = metric.direction() == Direction.HIGHER_IS_BETTER ? change > 0 : change < 0;
        }
        return new MetricChange(metric.key().value(), metric.name(), metric.unit(), metric.direction(), departmentCode,
                beforeValue, afterValue, change, improved);
    }
}
