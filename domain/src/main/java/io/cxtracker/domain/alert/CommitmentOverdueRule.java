package io.cxtracker.domain.alert;

import java.time.LocalDate;
import java.util.List;

/**
 * A commitment whose due day passed without closing the loop (neither done nor dropped) alerts its owner
 * department's leads, once per due day.
 */
public final class CommitmentOverdueRule {

    public List<NewAlert> evaluate(CommitmentAlertFacts commitment, LocalDate today) {
        if (commitment.state().isClosed() || !today.isAfter(commitment.due())) {
            return List.of();
        }
        String body = "The commitment \"" + commitment.title() + "\" was due on " + commitment.due() + " and is still "
                + commitment.state() + ": close the loop (done, or dropped with a reason) or move its due day.";
        return List.of(new NewAlert(AlertKind.COMMITMENT_OVERDUE, "commitment", commitment.id(),
                Audience.leadsOf(commitment.ownerDepartment()), commitment.due().toString(),
                "Commitment overdue: " + commitment.title(), body, "departments/" + commitment.ownerDepartment(), null));
    }
}
