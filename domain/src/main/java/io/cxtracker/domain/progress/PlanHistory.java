package io.cxtracker.domain.progress;

import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan and its data as the system knew them at an instant (bitemporal reads): milestones with the
 * fields, override and target links in force then and their latest check-in then; targets' numbers as
 * they were then; readings' statistics as they had been received by then (a later merge into a reading
 * does not count); initiatives with their title, pillar, phase and RACI of then, and programs' names of then.
 * Backed by append-only history written in the same transaction as each change.
 */
public interface PlanHistory {

    /** The facts of every milestone of the program that existed at {@code knownAt}, by id. */
    List<MilestoneFacts> milestonesOfProgram(long programId, Instant knownAt);

    /** Every milestone the filter selects (its status criterion aside) as known then, in the page's order. */
    List<MilestoneFacts> allMilestones(MilestoneFilter filter, PageRequest order, Instant knownAt);

    /** The numbers of these targets as they stood then; targets that did not exist yet are absent. */
    Map<Long, TargetPlan> targets(Collection<Long> ids, Instant knownAt);

    /** Daily series for many scopes as their readings were known then, each oldest first. */
    Map<SeriesScope, List<SeriesPoint>> daily(Collection<SeriesScope> scopes, Instant knownAt);

    /** The initiative as it stood then; empty when it did not exist yet. */
    Optional<InitiativeSummary> initiative(long id, Instant knownAt);

    /**
     * A page of the initiatives the filter selects as they stood then (their department, pillar and phase of then),
     * with the number of all of them; sorted as {@link io.cxtracker.domain.initiative.InitiativeRepository#page}.
     */
    Page<InitiativeSummary> initiatives(InitiativeFilter filter, PageRequest page, Instant knownAt);

    /** The program's name then; empty when the program did not exist yet. */
    Optional<String> programName(long programId, Instant knownAt);
}
