package io.cxtracker.domain.commitment;

import java.time.LocalDate;
import java.util.List;

/**
 * The command to make a commitment.
 *
 * @param theme the insight it answers: a feedback theme someone has mentioned
 * @param milestoneIds the milestones that deliver it; may be null
 * @param metricKey the metric expected to move; may be null
 * @param state PROPOSED (the default when null), COMMITTED, IN_PROGRESS, DONE or DROPPED
 * @param reason required when created DROPPED
 */
public record NewCommitment(String theme, String title, String description, String ownerDepartment, LocalDate due,
        List<Long> milestoneIds, String metricKey, String state, String reason) {
}
