package io.cxtracker.domain.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.milestone.ApprovalRequested;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalWaitingRuleTest {

    @Test
    void aWaitingRequestGoesToProgramAdminsAndExecutivesNamingTheRequesterAsActor() {
        List<NewAlert> alerts = new ApprovalWaitingRule().evaluate(
                new ApprovalRequested(41, 7, "Callback within a day", "override the status to DONE", "lee"));
        assertEquals(List.of("role:program-admin", "role:executive"),
                alerts.stream().map(a -> a.audience().value()).toList());
        NewAlert alert = alerts.getFirst();
        assertEquals("lee", alert.actor());
        assertEquals("APPROVAL_WAITING/approval-request:41/role:program-admin/requested", alert.dedupKey());
        assertEquals("lee asks to override the status to DONE on \"Callback within a day\". It takes effect only when"
                + " a program admin or executive other than them approves it.", alert.body());
    }
}
