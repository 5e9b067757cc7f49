package io.cxtracker.api.milestone;

import io.cxtracker.api.targets.EvaluationResponse;
import io.cxtracker.domain.progress.TargetStatusView;
import java.time.LocalDate;

/** A target linked to a milestone, with its verdict as it counts for the milestone (as of today, or the milestone's due date once passed). */
public record LinkedTargetResponse(long targetId, String metricKey, String departmentCode, double baseline,
        double targetValue, LocalDate due, EvaluationResponse evaluation) {

    static LinkedTargetResponse of(TargetStatusView t) {
        return new LinkedTargetResponse(t.targetId(), t.metricKey(), t.departmentCode(), t.baseline(), t.targetValue(),
                t.due(), EvaluationResponse.of(t.evaluatedAsOf(), t.evaluation()));
    }
}
