package io.cxtracker.domain.progress;

import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Initiatives as the system knew them at an instant: their title, pillar, phase and RACI of then
 * ({@link PlanHistory#initiatives}). The as-of counterpart of {@link io.cxtracker.domain.setup.ProgramSetupService}'s reads, kept apart because
 * the history is the progress read model's (setup sits below it). Read-only; program readers read.
 */
@ApplicationScoped
@Transactional
public class AsOfInitiativeService {

    private final PlanHistory history;
    private final Clock clock;
    private final CurrentUser currentUser;

    /** For the CDI proxy only. */
    protected AsOfInitiativeService() {
        this(null, null, null);
    }

    @Inject
    public AsOfInitiativeService(PlanHistory history, Clock clock, CurrentUser currentUser) {
        this.history = history;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /**
     * One initiative as of then.
     *
     * @throws NotFoundException when there is no such initiative, or it was not created yet then
     */
    public InitiativeSummary initiative(long id, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "initiatives");
        asOf.requireKnowable(clock);
        return history.initiative(id, asOf.at())
                .orElseThrow(() -> new NotFoundException("initiative", id + " as of " + asOf.at()));
    }

    /**
     * A page of the initiatives the filter selects as of then, judged by their RACI, pillar and phase of then.
     *
     * @throws io.cxtracker.domain.shared.InvalidInputException on {@code asOf} or on {@code sort}
     */
    public Page<InitiativeSummary> initiatives(InitiativeFilter filter, PageRequest page, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "initiatives");
        asOf.requireKnowable(clock);
        return history.initiatives(filter, page, asOf.at());
    }
}
