package io.cxtracker.domain.initiative;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.shared.Violations;

/**
 * Which initiatives a list shows; every criterion is optional (null: no restriction) and they all apply.
 *
 * @param department a department with any RACI role in the initiative, accountable included
 * @param phaseNumber 1 for the program's first phase
 */
public record InitiativeFilter(Long programId, DepartmentCode department, Pillar pillar, Integer phaseNumber) {

    /** @throws io.cxtracker.domain.shared.InvalidInputException naming {@code phase} */
    public InitiativeFilter {
        new Violations().check(phaseNumber == null || phaseNumber >= 1, "phase", "must be 1 or more").throwIfAny();
    }
}
