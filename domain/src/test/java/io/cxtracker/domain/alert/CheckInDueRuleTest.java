package io.cxtracker.domain.alert;

import static io.cxtracker.domain.alert.AlertFixtures.TODAY;
import static io.cxtracker.domain.alert.AlertFixtures.milestone;
import static io.cxtracker.domain.alert.AlertFixtures.overridden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckInDueRuleTest {
    private final CheckInDueRule rule = new CheckInDueRule(AlertSettings.DEFAULTS);
    private static final java.time.LocalDate DUE = TODAY.plusMonths(3);

    @Test
    void fourteenDaysSilentRemindsTheOwnerAndTheResponsibleLeadsButNotAccountableOrInformed() {
        // last check-in 2026-03-06, today 2026-03-20: 14 days
        List<NewAlert> alerts = rule.evaluate(milestone(DUE, CheckInStatus.IN_PROGRESS, TODAY.minusDays(14)), TODAY);
        assertEquals(List.of("leads:ops", "leads:billing"), alerts.stream().map(a -> a.audience().value()).toList());
        assertTrue(alerts.stream().allMatch(a -> a.kind() == AlertKind.CHECK_IN_DUE));
        assertEquals("2026-03-06#1", alerts.getFirst().period());
        assertTrue(alerts.getFirst().body().contains("No check-in for 14 days"), alerts.getFirst().body());
    }

    @Test
    void thirteenDaysIsNotYetDue() {
        assertEquals(List.of(), rule.evaluate(milestone(DUE, CheckInStatus.AT_RISK, TODAY.minusDays(13)), TODAY));
    }

    @Test
    void eachFurtherCycleIsANewReminderAndDaysWithinACycleAreTheSameOne() {
        // 27 days: still cycle 1 (27 / 14 = 1); 28 days: cycle 2
        assertEquals("2026-02-21#1",
                rule.evaluate(milestone(DUE, CheckInStatus.BLOCKED, TODAY.minusDays(27)), TODAY).getFirst().period());
        assertEquals("2026-02-20#2",
                rule.evaluate(milestone(DUE, CheckInStatus.BLOCKED, TODAY.minusDays(28)), TODAY).getFirst().period());
    }

    @Test
    void notStartedDoneOrOverriddenToAFinalStatusIsNotReminded() {
        assertEquals(List.of(), rule.evaluate(milestone(DUE, CheckInStatus.NOT_STARTED, TODAY.minusDays(40)), TODAY));
        assertEquals(List.of(), rule.evaluate(milestone(DUE, CheckInStatus.DONE, TODAY.minusDays(40)), TODAY));
        assertEquals(List.of(), rule.evaluate(milestone(DUE, null, null), TODAY));
        assertEquals(List.of(), rule.evaluate(
                overridden(DUE, CheckInStatus.IN_PROGRESS, TODAY.minusDays(40), MilestoneStatus.ACHIEVED), TODAY));
    }

    @Test
    void theProgramSettingChangesTheCycle() {
        CheckInDueRule weekly = new CheckInDueRule(new AlertSettings(7, 7));
        assertEquals("2026-03-06#2",
                weekly.evaluate(milestone(DUE, CheckInStatus.IN_PROGRESS, TODAY.minusDays(14)), TODAY).getFirst().period());
    }
}
