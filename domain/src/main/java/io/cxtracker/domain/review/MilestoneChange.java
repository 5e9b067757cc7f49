package io.cxtracker.domain.review;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import java.time.LocalDate;

/** A milestone that entered a list (at risk, overdue) between the two instants, with its status at each. */
public record MilestoneChange(long milestoneId, String title, Pillar pillar, String ownerDepartment, LocalDate due,
        MilestoneStatus from, MilestoneStatus to) {
}
