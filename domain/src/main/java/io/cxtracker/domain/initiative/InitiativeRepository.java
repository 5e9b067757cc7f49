package io.cxtracker.domain.initiative;

import java.util.List;
import java.util.Optional;

/** The initiatives of the programs; persistence implements it. */
public interface InitiativeRepository {

    Optional<Initiative> findById(long id);

    /** The initiatives of a program, by phase, pillar and title. */
    List<Initiative> listByProgram(long programId);

    void add(Initiative initiative);

    /**
     * Writes the changes of a loaded initiative now.
     *
     * @throws io.cxtracker.domain.shared.ConcurrentUpdateException when another transaction changed it first
     */
    void store(Initiative initiative);
}
