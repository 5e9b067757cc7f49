package io.cxtracker.domain.milestone;

import io.cxtracker.domain.shared.DepartmentCode;

/**
 * Which requests to list; every criterion is optional (null: any).
 *
 * @param department the milestone's owner department
 */
public record ApprovalRequestQuery(RequestState state, DepartmentCode department, Long milestoneId) {

    public static ApprovalRequestQuery pending() {
        return new ApprovalRequestQuery(RequestState.PENDING, null, null);
    }
}
