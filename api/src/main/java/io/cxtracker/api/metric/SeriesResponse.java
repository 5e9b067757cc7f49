package io.cxtracker.api.metric;

import io.cxtracker.api.targets.TargetResponse;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.progress.MetricTrend;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A metric's series over a range: one point per period that has readings, each value computed from the
 * period's merged statistics (never averaged), and the targets of the same scope with their target line
 * (baseline → target value by the due date), forecast and RAG today.
 */
public record SeriesResponse(String metric, String name, String unit, MetricKind kind, Direction direction,
        LocalDate from, LocalDate to, Granularity granularity,
        @Schema(description = "null for every department") String department,
        @Schema(description = "null for every channel") String channel,
        List<SeriesPointResponse> points,
        @Schema(description = "the targets for this scope (the department's, or the company-wide ones), each with today's "
                + "verdict; they are judged over all channels") List<TargetResponse> targets) {

    static SeriesResponse of(MetricTrend trend) {
        MetricSummary metric = trend.metric();
        return new SeriesResponse(metric.key(), metric.name(), metric.unit(), metric.kind(), metric.direction(), trend.from(),
                trend.to(), trend.granularity(), trend.department(), trend.channel(),
                trend.points().stream().map(SeriesPointResponse::of).toList(),
                trend.targets().stream().map(TargetResponse::of).toList());
    }
}
