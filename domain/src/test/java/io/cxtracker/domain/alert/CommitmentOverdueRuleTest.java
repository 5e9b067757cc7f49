package io.cxtracker.domain.alert;

import static io.cxtracker.domain.alert.AlertFixtures.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.commitment.CommitmentState;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentOverdueRuleTest {
    private final CommitmentOverdueRule rule = new CommitmentOverdueRule();

    @Test
    void theDayAfterTheDueDayAnOpenCommitmentAlertsItsOwnerLeads() {
        List<NewAlert> alerts = rule.evaluate(
                new CommitmentAlertFacts(3, "Refund in 3 days", "billing", TODAY.minusDays(1), CommitmentState.IN_PROGRESS),
                TODAY);
        assertEquals(1, alerts.size());
        assertEquals("leads:billing", alerts.getFirst().audience().value());
        assertEquals(AlertKind.COMMITMENT_OVERDUE, alerts.getFirst().kind());
        assertEquals("2026-03-19", alerts.getFirst().period());
    }

    @Test
    void onTheDueDayOrClosedNothing() {
        assertEquals(List.of(), rule.evaluate(
                new CommitmentAlertFacts(3, "Refund", "billing", TODAY, CommitmentState.COMMITTED), TODAY));
        assertEquals(List.of(), rule.evaluate(
                new CommitmentAlertFacts(3, "Refund", "billing", TODAY.minusDays(9), CommitmentState.DONE), TODAY));
        assertEquals(List.of(), rule.evaluate(
                new CommitmentAlertFacts(3, "Refund", "billing", TODAY.minusDays(9), CommitmentState.DROPPED), TODAY));
    }
}
