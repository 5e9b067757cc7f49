package io.cxtracker.api.milestone;

import io.cxtracker.api.approval.PendingRequestResponse;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneStatusView;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A milestone where it stands today: the status shown, the status its evidence earns ({@code derivedStatus}),
 * the override if any, and each linked target's verdict. Lists and dashboards show milestones this way.
 */
public record MilestoneStatusResponse(long id, String title, long initiativeId, Pillar pillar, int phaseNumber,
        String ownerDepartment, LocalDate due, LocalDate asOf,
        @Schema(description = "the status shown: the override if any, else the derived one") MilestoneStatus status,
        @Schema(description = "from linked targets, else from check-ins (and OVERDUE when late)") MilestoneStatus derivedStatus,
        OverrideResponse override, List<LinkedTargetResponse> targets,
        @Schema(description = "true while a lead's override waits for approval (it does not count until approved)")
        boolean overrideRequested,
        @Schema(description = "true while a lead's unlink of a target waits for approval") boolean unlinkRequested,
        @Schema(description = "the changes waiting for approval") List<PendingRequestResponse> pendingRequests) {

    public static MilestoneStatusResponse of(MilestoneStatusView v) {
        return new MilestoneStatusResponse(v.milestoneId(), v.title(), v.initiativeId(), v.pillar(), v.phaseNumber(),
                v.ownerDepartment(), v.due(), v.asOf(), v.status(), v.derived(), OverrideResponse.of(v.override()),
                v.targets().stream().map(LinkedTargetResponse::of).toList(), v.overrideRequested(), v.unlinkRequested(),
                PendingRequestResponse.of(v.pending()));
    }
}
