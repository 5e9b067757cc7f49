package io.cxtracker.domain.review;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import java.time.Instant;

/**
 * A milestone's shown status at the two instants, and the last recorded act in between that explains it.
 *
 * @param from null when the milestone did not exist yet at the first instant
 * @param by who made the last check-in or override in between; null when the change came from the targets' data
 *        or the calendar (a due date passing)
 * @param why that check-in's comment or that override's reason; for a change nobody made, what drove it
 * @param at when that act was recorded; null when nobody made the change
 */
public record StatusChange(long milestoneId, String title, Pillar pillar, String ownerDepartment, MilestoneStatus from,
        MilestoneStatus to, String by, String why, Instant at) {
}
