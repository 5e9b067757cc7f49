package io.cxtracker.domain.alert;

import static io.cxtracker.domain.alert.AlertFixtures.TODAY;
import static io.cxtracker.domain.alert.AlertFixtures.milestone;
import static io.cxtracker.domain.alert.AlertFixtures.overridden;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueDateRuleTest {
    private final DueDateRule rule = new DueDateRule(AlertSettings.DEFAULTS);

    @Test
    void sevenDaysBeforeTheDueDayIsDueSoonForTheAccountableLeadsOnly() {
        List<NewAlert> alerts = rule.evaluate(milestone(TODAY.plusDays(7), CheckInStatus.IN_PROGRESS, TODAY), TODAY);
        assertEquals(1, alerts.size());
        NewAlert alert = alerts.getFirst();
        assertEquals(AlertKind.DUE_SOON, alert.kind());
        assertEquals("leads:support", alert.audience().value());
        assertEquals("2026-03-27", alert.period());
        assertEquals("\"Callback within a day\" is due on 2026-03-27 (in 7 days).", alert.body());
    }

    @Test
    void eightDaysBeforeIsNothingYet() {
        assertEquals(List.of(), rule.evaluate(milestone(TODAY.plusDays(8), null, null), TODAY));
    }

    @Test
    void theDueDayItselfIsStillDueSoonAndTheDayAfterIsOverdue() {
        assertEquals("\"Callback within a day\" is due on 2026-03-20 (today).",
                rule.evaluate(milestone(TODAY, null, null), TODAY).getFirst().body());
        NewAlert overdue = rule.evaluate(milestone(TODAY.minusDays(1), null, null), TODAY).getFirst();
        assertEquals(AlertKind.OVERDUE, overdue.kind());
        assertEquals("\"Callback within a day\" was due on 2026-03-19 (1 day ago) and is not done.", overdue.body());
        assertEquals("2026-03-19", overdue.period());
    }

    @Test
    void aFinishedMilestoneIsNeverDueNorOverdue() {
        assertEquals(List.of(), rule.evaluate(milestone(TODAY.minusDays(3), CheckInStatus.DONE, TODAY), TODAY));
        assertEquals(List.of(), rule.evaluate(
                overridden(TODAY.minusDays(3), CheckInStatus.AT_RISK, TODAY, MilestoneStatus.DONE), TODAY));
    }

    @Test
    void anOverrideToANonFinalStatusDoesNotSilenceIt() {
        assertEquals(AlertKind.OVERDUE, rule.evaluate(
                overridden(TODAY.minusDays(3), CheckInStatus.AT_RISK, TODAY, MilestoneStatus.ON_TRACK), TODAY)
                .getFirst().kind());
    }
}
