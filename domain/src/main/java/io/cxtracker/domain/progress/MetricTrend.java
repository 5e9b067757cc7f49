package io.cxtracker.domain.progress;

import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.metric.SeriesBucketView;
import io.cxtracker.domain.targets.TargetStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * A metric over a range as a chart shows it: one point per period with readings, and the targets of the same scope
 * with their verdicts.
 *
 * @param department null for every department (the company-wide targets)
 * @param channel null for every channel
 */
public record MetricTrend(MetricSummary metric, LocalDate from, LocalDate to, Granularity granularity, String department,
        String channel, List<SeriesBucketView> points, List<TargetStatus> targets) {

    public MetricTrend {
        points = List.copyOf(points);
        targets = List.copyOf(targets);
    }
}
