package io.cxtracker.domain.commitment;

import io.cxtracker.domain.milestone.Milestone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A snapshot of a commitment.
 *
 * @param metricKey null when no metric is named
 * @param committedOn the day it was first promised; null before
 * @param closedOn the day it was done or dropped; null while open
 * @param overdue past due and still open, today
 * @param version to send back with the next change (the API's ETag)
 */
public record CommitmentView(long id, String theme, String title, String description, String ownerDepartment,
        LocalDate due, CommitmentState state, String metricKey, List<Long> milestoneIds, String createdBy,
        Instant createdAt, LocalDate committedOn, LocalDate closedOn, String dropReason, boolean overdue, long version) {

    public CommitmentView {
        milestoneIds = List.copyOf(milestoneIds);
    }

    public static CommitmentView of(Commitment c, LocalDate today) {
        return new CommitmentView(c.id(), c.theme(), c.title(), c.description(), c.ownerDepartment().code().value(),
                c.due(), c.state(), c.metric() == null ? null : c.metric().key().value(),
                c.milestones().stream().map(Milestone::id).toList(), c.createdBy(), c.createdAt(), c.committedOn(),
                c.closedOn(), c.dropReason(), c.isOverdue(today), c.version());
    }
}
