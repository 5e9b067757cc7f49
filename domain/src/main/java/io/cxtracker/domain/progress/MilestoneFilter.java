package io.cxtracker.domain.progress;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.shared.Violations;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which milestones a list shows; every criterion is optional (null or empty: no restriction) and they
 * all apply together. The status is the one the milestone shows today (derived or overridden), so the
 * read model evaluates it; the other criteria are the plan's own columns.
 *
 * @param phaseNumber the phase of the milestone's initiative, 1 for the program's first
 * @param dueAfter due on or after this day
 * @param dueBefore due on or before this day
 */
public record MilestoneFilter(Long programId, Long initiativeId, DepartmentCode department, Pillar pillar,
        Integer phaseNumber, Set<MilestoneStatus> statuses, LocalDate dueAfter, LocalDate dueBefore) {

    /** @throws io.cxtracker.domain.shared.InvalidInputException naming {@code phase} or {@code dueBefore} */
    public MilestoneFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        Violations violations = new Violations();
        violations.check(phaseNumber == null || phaseNumber >= 1, "phase", "must be 1 or more");
        violations.check(dueAfter == null || dueBefore == null || !dueBefore.isBefore(dueAfter), "dueBefore",
                "must not be before dueAfter (" + dueAfter + ")");
        violations.throwIfAny();
    }

    /** Every milestone. */
    public static MilestoneFilter all() {
        return new MilestoneFilter(null, null, null, null, null, Set.of(), null, null);
    }

    public static MilestoneFilter ofDepartment(DepartmentCode department, Long programId) {
        return new MilestoneFilter(programId, null, department, null, null, Set.of(), null, null);
    }

    public boolean byStatus() {
        return !statuses.isEmpty();
    }
}
