package io.cxtracker.domain.progress;

import io.cxtracker.domain.rollup.RollUpResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where the program stands on a day: the whole program, and by initiative, pillar, phase and owner
 * department (every pillar and phase listed, empty ones as NO_DATA), each department by pillar (the
 * dashboard's heat map, from the same evaluation rather than one per department), plus the milestones that
 * need attention (amber or red) with the reasons.
 *
 * @param pillarsByDepartment owner department code → its roll-up in every pillar, in {@link io.cxtracker.domain.program.Pillar} order
 */
public record ProgramProgress(long programId, String programName, LocalDate asOf, RollUpResult program,
        List<GroupProgress> byInitiative, List<GroupProgress> byPillar, List<GroupProgress> byPhase,
        List<GroupProgress> byDepartment, Map<String, List<GroupProgress>> pillarsByDepartment,
        List<MilestoneStatusView> attention) {

    public ProgramProgress {
        byInitiative = List.copyOf(byInitiative);
        byPillar = List.copyOf(byPillar);
        byPhase = List.copyOf(byPhase);
        byDepartment = List.copyOf(byDepartment);
        pillarsByDepartment = Map.copyOf(pillarsByDepartment);
        attention = List.copyOf(attention);
    }
}
