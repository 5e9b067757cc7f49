package io.cxtracker.domain.alert;

/**
 * What an alert is about. Each kind is raised by one rule (named beside it) and reaches the RACI parties
 * that rule names; a user's preferences are kept per kind.
 */
public enum AlertKind {
    /** {@link CheckInDueRule}: the Responsible departments' leads. */
    CHECK_IN_DUE("Check-in due"),
    /** {@link DueDateRule}: the Accountable department's leads. */
    DUE_SOON("Milestone due soon"),
    /** {@link DueDateRule}: the Accountable department's leads. */
    OVERDUE("Milestone overdue"),
    /** {@link TargetWatchRule}: Accountable and Informed of the milestones the target proves. */
    TARGET_STATUS("Target turned amber, red or no data"),
    /** {@link TargetWatchRule}: Accountable and Informed of the milestones the target proves. */
    FORECAST_MISSING("Forecast now misses the target"),
    /** {@link CommitmentOverdueRule}: the owner department's leads. */
    COMMITMENT_OVERDUE("Commitment past its due day"),
    /** {@link ApprovalWaitingRule}: program admins and executives other than the requester. */
    APPROVAL_WAITING("Change waiting for approval"),
    /** {@link WeeklyDigest}: executives. */
    WEEKLY_DIGEST("Weekly digest");

    public static final String RULE = "one of CHECK_IN_DUE, DUE_SOON, OVERDUE, TARGET_STATUS, FORECAST_MISSING, "
            + "COMMITMENT_OVERDUE, APPROVAL_WAITING, WEEKLY_DIGEST";

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
