package io.cxtracker.api.dashboard;

import io.cxtracker.api.milestone.MilestoneStatusResponse;
import io.cxtracker.domain.progress.ProgramProgress;
import java.time.LocalDate;
import java.util.List;

/** The executive's view of a program today: the whole, by initiative, pillar, phase and department, and what needs attention. */
public record ProgramDashboardResponse(long programId, String programName, LocalDate asOf, RollUpResponse program,
        List<GroupResponse> byInitiative, List<GroupResponse> byPillar, List<GroupResponse> byPhase,
        List<GroupResponse> byDepartment, List<MilestoneStatusResponse> attention) {

    static ProgramDashboardResponse of(ProgramProgress p) {
        return new ProgramDashboardResponse(p.programId(), p.programName(), p.asOf(), RollUpResponse.of(p.program()),
                p.byInitiative().stream().map(GroupResponse::of).toList(),
                p.byPillar().stream().map(GroupResponse::of).toList(),
                p.byPhase().stream().map(GroupResponse::of).toList(),
                p.byDepartment().stream().map(GroupResponse::of).toList(),
                p.attention().stream().map(MilestoneStatusResponse::of).toList());
    }
}
