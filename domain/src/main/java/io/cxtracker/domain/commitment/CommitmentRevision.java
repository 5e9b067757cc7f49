package io.cxtracker.domain.commitment;

import java.time.LocalDate;
import java.util.List;

/**
 * The whole new plan of a commitment (a replacement, not a patch) and the state it moves to.
 *
 * @param state the new state; null keeps the current one
 * @param reason required when moving to DROPPED
 */
public record CommitmentRevision(String theme, String title, String description, String ownerDepartment, LocalDate due,
        List<Long> milestoneIds, String metricKey, String state, String reason) {
}
