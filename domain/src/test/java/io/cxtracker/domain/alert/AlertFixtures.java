package io.cxtracker.domain.alert;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import java.time.LocalDate;
import java.util.Set;

/** A milestone of the support department's initiative "Answer on the first contact", with its RACI. */
final class AlertFixtures {
    /** Accountable: support; Responsible: billing; Consulted: legal; Informed: sales. */
    static final RaciParties RACI = new RaciParties("support", Set.of("billing"), Set.of("sales"));
    static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private AlertFixtures() {
    }

    static MilestoneAlertFacts milestone(LocalDate due, CheckInStatus reported, LocalDate lastCheckIn) {
        return new MilestoneAlertFacts(7, "Callback within a day", "ops", RACI, due, reported, lastCheckIn, null);
    }

    static MilestoneAlertFacts overridden(LocalDate due, CheckInStatus reported, LocalDate lastCheckIn,
            MilestoneStatus override) {
        return new MilestoneAlertFacts(7, "Callback within a day", "ops", RACI, due, reported, lastCheckIn, override);
    }
}
