package io.cxtracker.domain.audit;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The signed checkpoints; append-only. */
public interface CheckpointRepository {

    /**
     * Stores the checkpoint (its id is ignored) and returns it as stored. A daily checkpoint whose day
     * already has one is not stored; the one already there is returned, so two nodes write one a day.
     */
    Checkpoint add(Checkpoint checkpoint);

    Optional<Checkpoint> find(long id);

    Optional<Checkpoint> daily(LocalDate day);

    /** Newest first unless the page sorts by {@code id} ascending. */
    Page<Checkpoint> find(PageRequest page);

    /** Every checkpoint whose head is at or below the chain sequence number, lowest first. */
    List<Checkpoint> through(long seq);
}
