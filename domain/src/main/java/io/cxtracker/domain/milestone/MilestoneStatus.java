package io.cxtracker.domain.milestone;

/**
 * Where a milestone stands. Milestones linked to metric targets take ACHIEVED, MISSED, ON_TRACK,
 * AT_RISK or OFF_TRACK from their targets; unlinked ones take NOT_STARTED, IN_PROGRESS, AT_RISK,
 * BLOCKED or DONE from their check-ins, and OVERDUE when past due and not done.
 */
public enum MilestoneStatus {
    ACHIEVED,
    MISSED,
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    NOT_STARTED,
    IN_PROGRESS,
    BLOCKED,
    DONE,
    OVERDUE
}
