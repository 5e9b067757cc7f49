package io.cxtracker.domain.review;

import java.time.Instant;
import java.util.List;

/**
 * What changed in a program between two instants, each side read as the system knew it then (see
 * {@link io.cxtracker.domain.progress.ProgressService#programProgress(long, io.cxtracker.domain.shared.AsOf)}).
 *
 * @param since the review {@code from} defaults to; null when {@code from} was given or no review was recorded
 * @param statusChanges milestones whose shown status differs between the two instants, by id
 * @param newAtRisk milestones at risk (amber or red, overdue aside) at {@code to} that were not at {@code from}
 * @param newOverdue milestones overdue at {@code to} that were not at {@code from}
 * @param targetRagChanges linked targets whose RAG differs, by target id
 * @param groupMovements each pillar's and department's roll-up at both instants (pillars first, then departments)
 * @param metricMovements each linked target's metric value per pillar and department at both instants
 * @param checkIns check-ins recorded in {@code (from, to]}, oldest first
 * @param overrides overrides set or cleared in {@code (from, to]}, oldest first
 */
public record ProgramChanges(long programId, String programName, Instant from, Instant to, ReviewMark since,
        List<StatusChange> statusChanges, List<MilestoneChange> newAtRisk, List<MilestoneChange> newOverdue,
        List<RagChange> targetRagChanges, List<GroupMovement> groupMovements, List<MetricMovement> metricMovements,
        List<CheckInMade> checkIns, List<OverrideMade> overrides) {

    public ProgramChanges {
        statusChanges = List.copyOf(statusChanges);
        newAtRisk = List.copyOf(newAtRisk);
        newOverdue = List.copyOf(newOverdue);
        targetRagChanges = List.copyOf(targetRagChanges);
        groupMovements = List.copyOf(groupMovements);
        metricMovements = List.copyOf(metricMovements);
        checkIns = List.copyOf(checkIns);
        overrides = List.copyOf(overrides);
    }
}
