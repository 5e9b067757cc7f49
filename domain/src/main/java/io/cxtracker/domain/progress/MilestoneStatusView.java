package io.cxtracker.domain.progress;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.PendingRequest;
import io.cxtracker.domain.milestone.StatusOverride;
import io.cxtracker.domain.program.Pillar;
import java.time.LocalDate;
import java.util.List;

/**
 * A milestone's status and why: the status shown, the one its evidence earns ({@code derived}), the
 * override if any, and each linked target's verdict with its reason.
 *
 * @param override null when not overridden
 * @param pending the changes a lead asked for that wait for approval ("override requested", "unlink
 *        requested"); they do not count until approved
 */
public record MilestoneStatusView(long milestoneId, String title, long initiativeId, Pillar pillar, int phaseNumber,
        String ownerDepartment, LocalDate due, LocalDate asOf, MilestoneStatus status, MilestoneStatus derived,
        StatusOverride override, List<TargetStatusView> targets, List<PendingRequest> pending) {

    public MilestoneStatusView {
        targets = List.copyOf(targets);
        pending = List.copyOf(pending);
    }

    public boolean overrideRequested() {
        return PendingRequest.overrideRequested(pending);
    }

    public boolean unlinkRequested() {
        return PendingRequest.unlinkRequested(pending);
    }

    public boolean isOverridden() {
        return override != null;
    }
}
