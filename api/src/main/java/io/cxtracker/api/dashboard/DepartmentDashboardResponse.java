package io.cxtracker.api.dashboard;

import io.cxtracker.api.milestone.MilestoneStatusResponse;
import io.cxtracker.api.targets.TargetResponse;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.progress.DepartmentProgress;
import io.cxtracker.domain.targets.TargetStatus;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a department is accountable for today: its milestones rolled up, those needing attention, its targets with live values. */
public record DepartmentDashboardResponse(String department, String name,
        @Schema(description = "null when every program counts") Long programId,
        LocalDate asOf, RollUpResponse overall, List<GroupResponse> byPillar, List<GroupResponse> byPhase,
        List<MilestoneStatusResponse> milestones, List<MilestoneStatusResponse> attention, List<TargetResponse> targets) {

    static DepartmentDashboardResponse of(DepartmentSummary department, DepartmentProgress p, List<TargetStatus> targets) {
        return new DepartmentDashboardResponse(department.code(), department.name(), p.programId(), p.asOf(),
                RollUpResponse.of(p.overall()),
                p.byPillar().stream().map(GroupResponse::of).toList(),
                p.byPhase().stream().map(GroupResponse::of).toList(),
                p.milestones().stream().map(MilestoneStatusResponse::of).toList(),
                p.attention().stream().map(MilestoneStatusResponse::of).toList(),
                targets.stream().map(TargetResponse::of).toList());
    }
}
