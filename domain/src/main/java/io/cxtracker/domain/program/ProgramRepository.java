package io.cxtracker.domain.program;

import java.util.List;
import java.util.Optional;

/** The programs with their phases; persistence implements it. */
public interface ProgramRepository {

    Optional<Program> findById(long id);

    /** All programs, newest start first. */
    List<Program> list();

    void add(Program program);

    /**
     * Writes the changes of a loaded program now, so that its new version is known.
     *
     * @throws io.cxtracker.domain.shared.ConcurrentUpdateException when another transaction changed it first
     */
    void store(Program program);
}
