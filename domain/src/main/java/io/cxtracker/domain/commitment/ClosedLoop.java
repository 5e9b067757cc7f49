package io.cxtracker.domain.commitment;

import io.cxtracker.domain.feedback.Insight;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.progress.TargetStatusView;
import java.time.LocalDate;
import java.util.List;

/**
 * Closing the loop, in one answer: the insight (what customers said), the commitment that answers it
 * (what the company promised), the milestones that deliver it (with their live status) and the metrics
 * before and after the promise (did it move).
 *
 * @param insight null when nobody has mentioned the theme (any more)
 * @param pivot the day the metrics are compared around: the day it was promised, else the day it was made
 */
public record ClosedLoop(Insight insight, CommitmentView commitment, List<Step> milestones, LocalDate pivot, int windowDays,
        List<MetricChange> metrics) {

    public ClosedLoop {
        milestones = List.copyOf(milestones);
        metrics = List.copyOf(metrics);
    }

    /** A linked milestone with its status today and its targets' verdicts. */
    public record Step(long milestoneId, String title, String ownerDepartment, String ownerPerson, LocalDate due,
            int progress, MilestoneStatus status, List<TargetStatusView> targets) {
        public Step {
            targets = List.copyOf(targets);
        }
    }
}
