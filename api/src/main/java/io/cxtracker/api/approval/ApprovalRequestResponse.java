package io.cxtracker.api.approval;

import io.cxtracker.domain.milestone.ApprovalRequestView;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.RequestState;
import io.cxtracker.domain.milestone.RequestedChange;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead's request to override a milestone's status or unlink a target from it, and its decision once made. */
@Schema(description = "A change a department lead asked for on their milestone; a program admin or executive decides it")
public record ApprovalRequestResponse(long id, long milestoneId, String milestoneTitle, String ownerDepartment,
        RequestedChange change,
        @Schema(description = "the status asked for; only for OVERRIDE_STATUS") MilestoneStatus requestedStatus,
        @Schema(description = "the target to unlink; only for UNLINK_TARGET") Long targetId,
        @Schema(description = "the requester's reason; mandatory for an override") String reason,
        String requestedBy, Instant requestedAt,
        @Schema(description = "the milestone's version when the request was made") long milestoneVersionSeen,
        @Schema(description = "the milestone's version now (the ETag a decision sends in If-Match)") long milestoneVersion,
        RequestState state,
        @Schema(description = "null while pending") String decidedBy,
        @Schema(description = "null while pending") Instant decidedAt,
        @Schema(description = "the decider's reason; always given for a rejection") String decisionReason) {

    public static ApprovalRequestResponse of(ApprovalRequestView v) {
        return new ApprovalRequestResponse(v.id(), v.milestoneId(), v.milestoneTitle(), v.ownerDepartment(), v.change(),
                v.requestedStatus(), v.targetId(), v.reason(), v.requestedBy(), v.requestedAt(), v.milestoneVersionSeen(),
                v.milestoneVersion(), v.state(), v.decidedBy(), v.decidedAt(), v.decisionReason());
    }
}
