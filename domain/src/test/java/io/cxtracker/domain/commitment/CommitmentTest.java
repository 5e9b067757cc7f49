package io.cxtracker.domain.commitment;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentTest {
    private static final Department SUPPORT = new Department(new DepartmentCode("support"), "Support", null);
    private static final Instant MAY_4 = Instant.parse("2026-05-04T10:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 9, 30);

    private static Commitment proposed() {
        return new Commitment("long-hold-times", "Offer a callback", null, SUPPORT, DUE, null, List.of(), null, null, "lee",
                MAY_4);
    }

    private static void move(Commitment c, CommitmentState state, String reason, LocalDate on) {
        c.revise(c.theme(), c.title(), c.description(), c.ownerDepartment(), c.due(), c.metric(), c.milestones(), state,
                reason, on);
    }

    @Test
    void theDayItIsPromisedIsThePivotAndTheDayItIsDoneClosesIt() {
        Commitment c = proposed();
        assertEquals(CommitmentState.PROPOSED, c.state());
        assertEquals(LocalDate.of(2026, 5, 4), c.pivot());

        move(c, CommitmentState.COMMITTED, null, LocalDate.of(2026, 5, 11));
        move(c, CommitmentState.IN_PROGRESS, null, LocalDate.of(2026, 6, 1));
        move(c, CommitmentState.DONE, null, LocalDate.of(2026, 9, 2));

        assertEquals(LocalDate.of(2026, 5, 11), c.committedOn());
        assertEquals(LocalDate.of(2026, 5, 11), c.pivot());
        assertEquals(LocalDate.of(2026, 9, 2), c.closedOn());
        assertNull(c.dropReason());
    }

    @Test
    void skippingStraightToInProgressStillRecordsThePromise() {
        Commitment c = proposed();
        move(c, CommitmentState.IN_PROGRESS, null, LocalDate.of(2026, 5, 20));
        assertEquals(LocalDate.of(2026, 5, 20), c.committedOn());
    }

    @Test
    void droppingNeedsAReasonAndAClosedCommitmentStaysClosed() {
        Commitment c = proposed();
        fields(() -> move(c, CommitmentState.DROPPED, " ", LocalDate.of(2026, 6, 1)), "reason");
        assertEquals(CommitmentState.PROPOSED, c.state());

        move(c, CommitmentState.DROPPED, "Superseded by the routing project", LocalDate.of(2026, 6, 1));
        assertEquals("Superseded by the routing project", c.dropReason());
        assertEquals(LocalDate.of(2026, 6, 1), c.closedOn());
        assertNull(c.committedOn());

        fields(() -> move(c, CommitmentState.COMMITTED, null, LocalDate.of(2026, 6, 2)), "state");
    }

    @Test
    void aRefusedRevisionChangesNothing() {
        Commitment c = proposed();
        fields(() -> c.revise("Not A Theme", " ", null, null, null, null, List.of(), CommitmentState.DONE, null,
                LocalDate.of(2026, 6, 1)), "theme", "title", "ownerDepartment", "due");
        assertEquals("Offer a callback", c.title());
        assertEquals(CommitmentState.PROPOSED, c.state());
    }

    @Test
    void aNewCommitmentIsNotDueBeforeTheDayItIsMadeAndIsOverdueOnlyWhileOpen() {
        fields(() -> new Commitment("long-hold-times", "x", null, SUPPORT, LocalDate.of(2026, 5, 3), null, List.of(), null,
                null, "lee", MAY_4), "due");
        Commitment c = proposed();
        assertTrue(c.isOverdue(DUE.plusDays(1)));
        assertEquals(false, c.isOverdue(DUE));
        move(c, CommitmentState.DONE, null, DUE.plusDays(3));
        assertEquals(false, c.isOverdue(DUE.plusDays(5)));
    }
}
