package io.cxtracker.domain.review;

import io.cxtracker.domain.milestone.MilestoneStatus;
import java.time.Instant;

/**
 * An override set, changed or cleared between the two instants.
 *
 * @param status null when the override was cleared
 * @param previous the override's status before, null when there was none
 * @param reason null when cleared
 * @param by who set it; for a clearing, who had set the override that was cleared
 * @param at when the change was recorded
 */
public record OverrideMade(long milestoneId, String title, String ownerDepartment, MilestoneStatus previous,
        MilestoneStatus status, String reason, String by, Instant at) {
}
