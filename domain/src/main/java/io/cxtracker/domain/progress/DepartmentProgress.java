package io.cxtracker.domain.progress;

import io.cxtracker.domain.rollup.RollUpResult;
import java.time.LocalDate;
import java.util.List;

/**
 * What one department is accountable for, today: the milestones it owns (in every program, or in one)
 * rolled up as a whole, by pillar and by phase (phases by number, as the programs' plans number them),
 * each milestone with its status and why, and those needing attention (amber or red) by due date.
 *
 * @param programId null when every program counts
 * @param milestones by due date, then id: the order, and the statuses, of {@link ProgressService#milestones} sorted by
 *     "due" for the same department and program
 */
public record DepartmentProgress(String departmentCode, Long programId, LocalDate asOf, RollUpResult overall,
        List<GroupProgress> byPillar, List<GroupProgress> byPhase,
        List<MilestoneStatusView> milestones, List<MilestoneStatusView> attention) {

    public DepartmentProgress {
        byPillar = List.copyOf(byPillar);
        byPhase = List.copyOf(byPhase);
        milestones = List.copyOf(milestones);
        attention = List.copyOf(attention);
    }
}
