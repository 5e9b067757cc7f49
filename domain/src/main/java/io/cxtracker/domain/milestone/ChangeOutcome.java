package io.cxtracker.domain.milestone;

/**
 * What became of an override or unlink: applied at once (a program admin's), or sent for approval (a
 * department lead's). Exactly one of the two is set.
 */
public record ChangeOutcome(MilestoneView applied, ApprovalRequestView requested) {

    public ChangeOutcome {
        if ((applied == null) == (requested == null)) {
            throw new IllegalArgumentException("a change is either applied or requested");
        }
    }

    public static ChangeOutcome applied(MilestoneView milestone) {
        return new ChangeOutcome(milestone, null);
    }

    public static ChangeOutcome requested(ApprovalRequestView request) {
        return new ChangeOutcome(null, request);
    }

    public boolean isRequested() {
        return requested != null;
    }
}
