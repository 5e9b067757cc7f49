package io.cxtracker.domain.milestone;

import java.time.Instant;
import java.util.List;

/**
 * A change to a milestone that waits for a second person's approval, as read models show it beside the
 * status: "override requested", "unlink requested".
 *
 * @param requestedStatus null unless an override is asked for
 * @param targetId null unless an unlink is asked for
 */
public record PendingRequest(long requestId, RequestedChange change, MilestoneStatus requestedStatus, Long targetId,
        String reason, String requestedBy, Instant requestedAt) {

    public static PendingRequest of(ApprovalRequest r) {
        return new PendingRequest(r.id(), r.change(), r.requestedStatus().orElse(null),
                r.target().map(t -> t.id()).orElse(null), r.reason().orElse(null), r.requestedBy(), r.requestedAt());
    }

    public static boolean overrideRequested(List<PendingRequest> pending) {
        return pending.stream().anyMatch(p -> p.change() == RequestedChange.OVERRIDE_STATUS);
    }

    public static boolean unlinkRequested(List<PendingRequest> pending) {
        return pending.stream().anyMatch(p -> p.change() == RequestedChange.UNLINK_TARGET);
    }
}
