package io.cxtracker.domain.milestone;

/** What a department lead reports in a check-in: a subset of the milestone statuses. */
public enum CheckInStatus {
    NOT_STARTED(MilestoneStatus.NOT_STARTED),
    IN_PROGRESS(MilestoneStatus.IN_PROGRESS),
    AT_RISK(MilestoneStatus.AT_RISK),
    BLOCKED(MilestoneStatus.BLOCKED),
    DONE(MilestoneStatus.DONE);

    private final MilestoneStatus milestoneStatus;

    CheckInStatus(MilestoneStatus milestoneStatus) {
        this.milestoneStatus = milestoneStatus;
    }

    public MilestoneStatus milestoneStatus() {
        return milestoneStatus;
    }
}
