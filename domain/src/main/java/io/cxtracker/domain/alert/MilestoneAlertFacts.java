package io.cxtracker.domain.alert;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the milestone rules read of a milestone: its owner, its initiative's RACI, its due day and its
 * latest check-in. One query per evaluation answers them for every milestone.
 *
 * @param reportedStatus the latest check-in's status, null before the first
 * @param lastCheckIn the day of the latest check-in (UTC), null before the first
 * @param overrideStatus the status in force by an approved override, null when none
 */
public record MilestoneAlertFacts(long id, String title, String ownerDepartment, RaciParties raci, LocalDate due,
        CheckInStatus reportedStatus, LocalDate lastCheckIn, MilestoneStatus overrideStatus) {
    private static final Set<CheckInStatus> UNDER_WAY = EnumSet.of(CheckInStatus.IN_PROGRESS, CheckInStatus.AT_RISK,
            CheckInStatus.BLOCKED);
    private static final Set<MilestoneStatus> FINISHED = EnumSet.of(MilestoneStatus.DONE, MilestoneStatus.ACHIEVED,
            MilestoneStatus.MISSED);

    public MilestoneAlertFacts {
        Objects.requireNonNull(raci, "raci");
        Objects.requireNonNull(due, "due");
        if ((reportedStatus == null) != (lastCheckIn == null)) {
            throw new IllegalArgumentException("a check-in has both a status and a day");
        }
    }

    /** Finished: reported done, or overridden to a final status. A finished milestone raises nothing. */
    public boolean isFinished() {
        return reportedStatus == CheckInStatus.DONE || (overrideStatus != null && FINISHED.contains(overrideStatus));
    }

    /** In progress: started (the latest check-in says so) and not finished. */
    public boolean isUnderWay() {
        return !isFinished() && reportedStatus != null && UNDER_WAY.contains(reportedStatus);
    }

    /** The owner department's accountability page, where the milestone is listed with its check-ins. */
    public String link() {
        return "departments/" + ownerDepartment;
    }
}
