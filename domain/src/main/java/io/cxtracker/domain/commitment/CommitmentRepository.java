package io.cxtracker.domain.commitment;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.util.Optional;

/** The commitments with their linked milestones; persistence implements it. */
public interface CommitmentRepository {

    Optional<Commitment> findById(long id);

    void add(Commitment commitment);

    /**
     * Writes the changes of a loaded commitment now, so that its new version is known.
     *
     * @throws io.cxtracker.domain.shared.ConcurrentUpdateException when another transaction changed it
     *         after it was loaded here
     */
    void store(Commitment commitment);

    /**
     * One page of the commitments the query selects. Sort properties: {@code due} (the default), {@code state},
     * {@code createdAt}, {@code theme}; unknown ones are refused.
     */
    Page<Commitment> page(CommitmentQuery query, PageRequest request);
}
