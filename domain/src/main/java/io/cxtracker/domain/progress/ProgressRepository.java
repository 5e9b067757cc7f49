package io.cxtracker.domain.progress;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.util.List;

/** Read model of the plan: the facts of every milestone of a program, in one go. */
public interface ProgressRepository {

    /** Sort names the milestone lists accept: {@code due}, {@code title}, {@code id}, {@code department}. */
    String SORTS = "due, title, id or department";

    /** The facts of every milestone of the program, by id. */
    List<MilestoneFacts> milestonesOfProgram(long programId);

    /**
     * A page of the milestones the filter selects, its status criterion aside (statuses are evaluated,
     * not stored), with the number of all of them.
     *
     * @throws io.cxtracker.domain.shared.InvalidInputException on {@code sort} when the page asks for an unknown order
     */
    Page<MilestoneFacts> milestones(MilestoneFilter filter, PageRequest page);

    /** Every milestone the filter selects (its status criterion aside), in the page's order; offset and limit are ignored. */
    List<MilestoneFacts> allMilestones(MilestoneFilter filter, PageRequest order);
}
