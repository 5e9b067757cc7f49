package io.cxtracker.domain.progress;

import io.cxtracker.domain.targets.TargetEvaluation;
import java.time.LocalDate;

/**
 * A linked target's verdict as it counts for a milestone.
 *
 * @param departmentCode null for the whole company
 * @param evaluatedAsOf today, or the milestone's due date once it has passed
 */
public record TargetStatusView(long targetId, String metricKey, String departmentCode, double baseline,
        double targetValue, LocalDate due, LocalDate evaluatedAsOf, TargetEvaluation evaluation) {
}
