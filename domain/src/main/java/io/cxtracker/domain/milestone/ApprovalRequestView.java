package io.cxtracker.domain.milestone;

import java.time.Instant;

/**
 * A request for approval as it stands, with the milestone it is about.
 *
 * @param requestedStatus null unless an override is asked for
 * @param targetId null unless an unlink is asked for
 * @param reason the requester's reason; null when an unlink gave none
 * @param milestoneVersionSeen the milestone's version when the request was made
 * @param milestoneVersion the milestone's version now: approving or rejecting names it (If-Match)
 * @param decidedBy null while pending; likewise {@code decidedAt} and {@code decisionReason}
 */
public record ApprovalRequestView(long id, long milestoneId, String milestoneTitle, String ownerDepartment,
        RequestedChange change, MilestoneStatus requestedStatus, Long targetId, String reason, String requestedBy,
        Instant requestedAt, long milestoneVersionSeen, long milestoneVersion, RequestState state, String decidedBy,
        Instant decidedAt, String decisionReason) {

    public static ApprovalRequestView of(ApprovalRequest r) {
        Milestone m = r.milestone();
        var decision = r.decision();
        return new ApprovalRequestView(r.id(), m.id(), m.title(), m.ownerDepartment().code().value(), r.change(),
                r.requestedStatus().orElse(null), r.target().map(t -> t.id()).orElse(null), r.reason().orElse(null),
                r.requestedBy(), r.requestedAt(), r.milestoneVersion(), m.version(), r.state(),
                decision.map(ApprovalDecision::decidedBy).orElse(null), decision.map(ApprovalDecision::decidedAt).orElse(null),
                decision.map(ApprovalDecision::reason).orElse(null));
    }

    /** "Override to AT_RISK" or "Unlink target 12", for lists and history. */
    public String summary() {
        return change == RequestedChange.OVERRIDE_STATUS ? "Override to " + requestedStatus : "Unlink target " + targetId;
    }
}
