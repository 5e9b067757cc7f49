package io.cxtracker.api.commitment;

import io.cxtracker.domain.commitment.CommitmentState;
import io.cxtracker.domain.commitment.CommitmentView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A commitment as the API shows it; its version is also the ETag. */
public record CommitmentResponse(long id, String theme, String title, String description, String ownerDepartment,
        LocalDate due, CommitmentState state, String metricKey, List<Long> milestoneIds, String createdBy, Instant createdAt,
        @Schema(description = "the day it was first promised") LocalDate committedOn,
        @Schema(description = "the day it was done or dropped") LocalDate closedOn,
        String dropReason,
        @Schema(description = "past due and still open") boolean overdue,
        long version) {

    static CommitmentResponse of(CommitmentView c) {
        return new CommitmentResponse(c.id(), c.theme(), c.title(), c.description(), c.ownerDepartment(), c.due(), c.state(),
                c.metricKey(), c.milestoneIds(), c.createdBy(), c.createdAt(), c.committedOn(), c.closedOn(), c.dropReason(),
                c.overdue(), c.version());
    }
}
