package io.cxtracker.domain.milestone;

import java.util.Objects;

/**
 * A lead's change waits for a second pair of eyes. Fired by the milestone service (as a CDI event,
 * synchronously, inside the transaction that files the request) so that the alert is stored with the
 * request or not at all.
 *
 * @param change a short description, e.g. "override the status to DONE"
 */
public record ApprovalRequested(long requestId, long milestoneId, String milestoneTitle, String change,
        String requestedBy) {

    public ApprovalRequested {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
