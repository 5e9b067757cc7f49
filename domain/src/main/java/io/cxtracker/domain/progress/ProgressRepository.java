package io.cxtracker.domain.progress;

import java.util.List;

/** Read model of the plan: the facts of every milestone of a program, in one go. */
public interface ProgressRepository {

    /** The facts of every milestone of the program, by id. */
    List<MilestoneFacts> milestonesOfProgram(long programId);
}
