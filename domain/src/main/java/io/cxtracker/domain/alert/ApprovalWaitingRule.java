package io.cxtracker.domain.alert;

import io.cxtracker.domain.milestone.ApprovalRequested;
import io.cxtracker.domain.security.Role;
import java.util.List;

/**
 * An override or unlink waiting for approval goes to those who may decide it: program admins and
 * executives. The requester is named as the actor, so a requester who is also an approver does not see
 * their own request (nobody decides their own request anyway).
 */
public final class ApprovalWaitingRule {

    public List<NewAlert> evaluate(ApprovalRequested request) {
        String title = "Approval waiting: " + request.milestoneTitle();
        String body = request.requestedBy() + " asks to " + request.change() + " on \"" + request.milestoneTitle()
                + "\". It takes effect only when a program admin or executive other than them approves it.";
        return List.of(Role.PROGRAM_ADMIN, Role.EXECUTIVE).stream()
                .map(role -> new NewAlert(AlertKind.APPROVAL_WAITING, "approval-request", request.requestId(),
                        Audience.role(role), "requested", title, body, "approvals", request.requestedBy()))
                .toList();
    }
}
