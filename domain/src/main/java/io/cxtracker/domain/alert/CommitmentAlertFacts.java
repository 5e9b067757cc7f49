package io.cxtracker.domain.alert;

import io.cxtracker.domain.commitment.CommitmentState;
import java.time.LocalDate;
import java.util.Objects;

/** What the commitment rule reads of a commitment. */
public record CommitmentAlertFacts(long id, String title, String ownerDepartment, LocalDate due, CommitmentState state) {

    public CommitmentAlertFacts {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(state, "state");
    }
}
