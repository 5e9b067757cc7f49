package io.cxtracker.domain.milestone;

import io.cxtracker.domain.targets.Rag;
import io.cxtracker.domain.targets.TargetEvaluation;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The status a milestone earns from its evidence, before any manual override.
 *
 * <p>Linked to metric targets (the targets speak, check-ins do not):
 * <ol>
 *   <li>ACHIEVED when every linked target is met. "By the due date" is the caller's evaluation date,
 *       {@link #targetsEvaluatedAsOf}: after the due date the targets are judged as they stood on it.
 *   <li>MISSED when today is after the due date and not every target was met.
 *   <li>OFF_TRACK when any target is RED.
 *   <li>AT_RISK when any target is AMBER or has NO_DATA: a target nobody reports on is a risk, and a
 *       milestone must never look on track on missing evidence.
 *   <li>ON_TRACK when every target is GREEN.
 * </ol>
 *
 * <p>Not linked: DONE when the latest check-in says done (even late: the work is finished, and whether
 * it was on time is the accountability report's question); OVERDUE when today is after the due date;
 * otherwise the latest check-in's status, NOT_STARTED when there is none.
 */
public final class MilestoneStatusDerivation {
    private MilestoneStatusDerivation() {
    }

    /** The date the linked targets are to be evaluated at: today, but never later than the due date. */
    public static LocalDate targetsEvaluatedAsOf(LocalDate due, LocalDate today) {
        return today.isAfter(due) ? due : today;
    }

    /**
     * @param linkedTargets evaluations of the milestone's targets as of {@link #targetsEvaluatedAsOf};
     *     empty when the milestone is not linked to any target
     * @param latestCheckIn the status of the most recent check-in, if any
     */
    public static MilestoneStatus derive(
            LocalDate due, LocalDate today, List<TargetEvaluation> linkedTargets, Optional<CheckInStatus> latestCheckIn) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(latestCheckIn, "latestCheckIn");
        boolean pastDue = today.isAfter(due);
        return linkedTargets.isEmpty()
                ? fromCheckIns(pastDue, latestCheckIn)
                : fromTargets(pastDue, linkedTargets);
    }

    private static MilestoneStatus fromTargets(boolean pastDue, List<TargetEvaluation> targets) {
        if (targets.stream().allMatch(TargetEvaluation::met)) {
            return MilestoneStatus.ACHIEVED;
        }
        if (pastDue) {
            return MilestoneStatus.MISSED;
        }
        if (targets.stream().anyMatch(t -> t.rag() == Rag.RED)) {
            return MilestoneStatus.OFF_TRACK;
        }
        if (targets.stream().allMatch(t -> t.rag() == Rag.GREEN)) {
            return MilestoneStatus.ON_TRACK;
        }
        return MilestoneStatus.AT_RISK;
    }

    private static MilestoneStatus fromCheckIns(boolean pastDue, Optional<CheckInStatus> latest) {
        CheckInStatus reported = latest.orElse(CheckInStatus.NOT_STARTED);
        if (reported == CheckInStatus.DONE) {
            return MilestoneStatus.DONE;
        }
        return pastDue ? MilestoneStatus.OVERDUE : reported.milestoneStatus();
    }
}
