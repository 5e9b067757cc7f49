package io.cxtracker.api.commitment;

import io.cxtracker.api.listen.InsightResponse;
import io.cxtracker.domain.commitment.ClosedLoop;
import io.cxtracker.domain.commitment.MetricChange;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.targets.Rag;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The closed loop of a commitment: insight → commitment → milestones → the metrics before and after. */
public record ClosedLoopResponse(
        @Schema(description = "what customers said; null when nobody mentions the theme any more") InsightResponse insight,
        CommitmentResponse commitment,
        List<StepResponse> milestones,
        @Schema(description = "the day the metrics are compared around: the day it was promised, else the day it was made")
        LocalDate pivot,
        int windowDays,
        List<MetricChangeResponse> metrics) {

    public record StepResponse(long milestoneId, String title, String ownerDepartment, String ownerPerson, LocalDate due,
            int progress, MilestoneStatus status, List<TargetVerdict> targets) {
    }

    public record TargetVerdict(long targetId, String metricKey, String departmentCode, double baseline, double targetValue,
            LocalDate due, Rag rag, boolean met, String reason) {
    }

    public record MetricChangeResponse(String metricKey, String metricName, String unit, Direction direction,
            @Schema(description = "a department, or null for the whole company") String departmentCode,
            WindowResponse before,
            @Schema(description = "null before the pivot day has come") WindowResponse after,
            @Schema(description = "after − before in the metric's units; null without data on either side") Double change,
            @Schema(description = "whether it moved the metric's good way; null when unknown") Boolean improved) {
    }

    /** @param value null when nothing was measured in the window */
    public record WindowResponse(LocalDate from, LocalDate to, Double value, long count) {
        static WindowResponse of(MetricChange.WindowValue w) {
            return w == null ? null : new WindowResponse(w.range().from(), w.range().to(), w.value(), w.count());
        }
    }

    static ClosedLoopResponse of(ClosedLoop loop) {
        return new ClosedLoopResponse(loop.insight() == null ? null : InsightResponse.of(loop.insight()),
                CommitmentResponse.of(loop.commitment()),
                loop.milestones().stream().map(s -> new StepResponse(s.milestoneId(), s.title(), s.ownerDepartment(),
                        s.ownerPerson(), s.due(), s.progress(), s.status(), s.targets().stream()
                        .map(t -> new TargetVerdict(t.targetId(), t.metricKey(), t.departmentCode(), t.baseline(),
                                t.targetValue(), t.due(), t.evaluation().rag(), t.evaluation().met(), t.evaluation().reason()))
                        .toList())).toList(),
                loop.pivot(), loop.windowDays(),
                loop.metrics().stream().map(m -> new MetricChangeResponse(m.metricKey(), m.metricName(), m.unit(),
                        m.direction(), m.departmentCode(), WindowResponse.of(m.before()), WindowResponse.of(m.after()),
                        m.change(), m.improved())).toList());
    }
}
