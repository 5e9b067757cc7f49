package io.cxtracker.domain.milestone;

import java.util.List;
import java.util.Optional;

/** The milestones with their check-ins and linked targets; persistence implements it. */
public interface MilestoneRepository {

    Optional<Milestone> findById(long id);

    /** The milestones of an initiative, by due date. */
    List<Milestone> listByInitiative(long initiativeId);

    void add(Milestone milestone);

    /**
     * Writes the changes of a loaded milestone now, so that its new version is known.
     *
     * @throws io.cxtracker.domain.shared.ConcurrentUpdateException when another transaction changed it
     *         after it was loaded here
     */
    void store(Milestone milestone);
}
