package io.cxtracker.api.milestone;

import io.cxtracker.api.approval.PendingRequestResponse;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.MilestoneView;
import io.cxtracker.domain.progress.MilestoneStatusView;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A milestone: its plan, its latest check-in's figures, its status today and why; {@code version} is its ETag. */
public record MilestoneResponse(long id, long initiativeId, String title, String description, String ownerDepartment,
        String ownerPerson, LocalDate due,
        @Schema(description = "the latest reported progress, 0–100") int progress,
        List<String> evidence,
        @Schema(description = "null weighs as much as any other milestone") Double weight,
        @Schema(description = "the latest check-in's status; null before the first") CheckInStatus reportedStatus,
        int checkInCount,
        @Schema(description = "the status shown today: the override if any, else the derived one") MilestoneStatus status,
        MilestoneStatus derivedStatus, OverrideResponse override, List<LinkedTargetResponse> targets,
        @Schema(description = "true while a lead's override waits for approval (it does not count until approved)")
        boolean overrideRequested,
        @Schema(description = "true while a lead's unlink of a target waits for approval") boolean unlinkRequested,
        @Schema(description = "the changes waiting for approval") List<PendingRequestResponse> pendingRequests,
        long version) {

    static MilestoneResponse of(MilestoneView m, MilestoneStatusView status) {
        return new MilestoneResponse(m.id(), m.initiativeId(), m.title(), m.description(), m.ownerDepartment(),
                m.ownerPerson(), m.due(), m.progress(), m.evidence(), m.weight(), m.reportedStatus(), m.checkInCount(),
                status.status(), status.derived(), OverrideResponse.of(m.override()),
                status.targets().stream().map(LinkedTargetResponse::of).toList(), status.overrideRequested(),
                status.unlinkRequested(), PendingRequestResponse.of(status.pending()), m.version());
    }
}
