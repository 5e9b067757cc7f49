package io.cxtracker.domain.initiative;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.util.List;
import java.util.Optional;

/** The initiatives of the programs; persistence implements it. */
public interface InitiativeRepository {

    Optional<Initiative> findById(long id);

    /** The initiatives of a program, by phase, pillar and title. */
    List<Initiative> listByProgram(long programId);

    /**
     * A page of the initiatives the filter selects with the number of all of them; sorted by
     * {@code title}, {@code pillar}, {@code phase} or {@code id} (by default phase, pillar, title).
     *
     * @throws io.cxtracker.domain.shared.InvalidInputException on {@code sort} for an order it does not know
     */
    Page<Initiative> page(InitiativeFilter filter, PageRequest page);

    void add(Initiative initiative);

    /**
     * Writes the changes of a loaded initiative now.
     *
     * @throws io.cxtracker.domain.shared.ConcurrentUpdateException when another transaction changed it first
     */
    void store(Initiative initiative);
}
