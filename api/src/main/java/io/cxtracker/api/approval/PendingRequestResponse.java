package io.cxtracker.api.approval;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.PendingRequest;
import io.cxtracker.domain.milestone.RequestedChange;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change waiting for approval, as milestone reads show it: "override requested", "unlink requested". */
@Schema(description = "A change a lead asked for that waits for approval; it does not count until approved")
public record PendingRequestResponse(long requestId, RequestedChange change, MilestoneStatus requestedStatus, Long targetId,
        String reason, String requestedBy, Instant requestedAt) {

    public static List<PendingRequestResponse> of(List<PendingRequest> pending) {
        return pending.stream().map(p -> new PendingRequestResponse(p.requestId(), p.change(), p.requestedStatus(),
                p.targetId(), p.reason(), p.requestedBy(), p.requestedAt())).toList();
    }
}
