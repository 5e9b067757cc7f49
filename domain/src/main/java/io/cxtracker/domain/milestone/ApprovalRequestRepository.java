package io.cxtracker.domain.milestone;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Requests for approval with their decisions; persistence implements it. Requests are only ever added and decided. */
public interface ApprovalRequestRepository {

    /** Sort names the list accepts. */
    String SORTS = "requestedAt or id";

    Optional<ApprovalRequest> findById(long id);

    void add(ApprovalRequest request);

    /**
     * Writes the decision of a loaded request now.
     *
     * @throws io.cxtracker.domain.shared.ConcurrentUpdateException when another transaction decided it first
     */
    void store(ApprovalRequest request);

    /**
     * A page of requests, newest first unless the page asks otherwise, with the number of all that match.
     *
     * @throws io.cxtracker.domain.shared.InvalidInputException on {@code sort} for an order it does not know
     */
    Page<ApprovalRequest> page(ApprovalRequestQuery query, PageRequest page);

    /** The undecided requests of these milestones, oldest first. */
    List<ApprovalRequest> pendingOf(Collection<Long> milestoneIds);
}
