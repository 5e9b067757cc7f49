package io.cxtracker.domain.progress;

import io.cxtracker.domain.rollup.RollUpResult;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the program stands on a day: the whole program, and by initiative, pillar, phase and owner
 * department (every pillar and phase listed, empty ones as NO_DATA), plus the milestones that need
 * attention (amber or red) with the reasons.
 */
public record ProgramProgress(long programId, String programName, LocalDate asOf, RollUpResult program,
        List<GroupProgress> byInitiative, List<GroupProgress> byPillar, List<GroupProgress> byPhase,
        List<GroupProgress> byDepartment, List<MilestoneStatusView> attention) {

    public ProgramProgress {
        byInitiative = List.copyOf(byInitiative);
        byPillar = List.copyOf(byPillar);
        byPhase = List.copyOf(byPhase);
        byDepartment = List.copyOf(byDepartment);
        attention = List.copyOf(attention);
    }
}
