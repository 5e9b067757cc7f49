package io.cxtracker.ui.metrics;

import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MetricSeriesService;
import io.cxtracker.domain.metric.SeriesBucketView;
import io.cxtracker.domain.targets.TargetStatus;
import io.cxtracker.ui.chart.TrendChart;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Fills a {@link TrendChart} from a metric's series, its target line and the target's forecast. */
public final class MetricCharts {

    private MetricCharts() {
    }

    /**
     * Draws the series; when a target is given, its value is the target line and its forecast is drawn from
     * the last value to the target's due date.
     */
    public static void draw(TrendChart chart, String title, List<SeriesBucketView> buckets, TargetStatus target) {
        List<TrendChart.Point> points = new ArrayList<>();
        for (SeriesBucketView b : buckets) {
            points.add(new TrendChart.Point(label(b), b.value() == null ? OptionalDouble.empty() : OptionalDouble.of(b.value()),
                    OptionalDouble.empty()));
        }
        OptionalDouble line = OptionalDouble.empty();
        if (target != null) {
            line = OptionalDouble.of(target.target().targetValue());
            OptionalDouble forecast = target.evaluation().forecast();
            if (forecast.isPresent() && !points.isEmpty()) {
                int last = points.size() - 1;
                while (last > 0 && points.get(last).value().isEmpty()) {
                    last--;
                }
                TrendChart.Point at = points.get(last);
                points.set(last, new TrendChart.Point(at.label(), at.value(), at.value()));
                points.add(new TrendChart.Point("Forecast " + target.target().due(), OptionalDouble.empty(), forecast));
            }
        }
        chart.show(title, points, line);
    }

    /** The metric's series for a chart: buckets between the two days, for one department or all. */
    public static List<SeriesBucketView> series(MetricSeriesService service, String metricKey, LocalDate from, LocalDate to,
            String department, String channel, Granularity granularity) {
        return service.series(metricKey, from, to, department, channel, granularity);
    }

    private static String label(SeriesBucketView b) {
        return switch (b.granularity()) {
            case MONTH -> b.start().toString().substring(0, 7);
            case QUARTER -> b.start().getYear() + " Q" + ((b.start().getMonthValue() - 1) / 3 + 1);
            default -> b.start().toString();
        };
    }
}
