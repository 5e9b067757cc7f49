package io.cxtracker.domain.review;

import static io.cxtracker.domain.review.AsOfHistory.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.ProgramProgress;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.progress.TargetStatusView;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.security.TestUsers;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.targets.Rag;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads as of a past day reproduce the hand-built {@link AsOfHistory} exactly. */
class AsOfProgressTest {
    private final AsOfHistory h = new AsOfHistory();
    private final ProgressService progress = h.progress(TestUsers.executive());

    private MilestoneStatusView view(long id, AsOf asOf) {
        return progress.milestonesOfProgram(h.program.id(), asOf).stream().filter(v -> v.milestoneId() == id)
                .findFirst().orElseThrow();
    }

    @Test
    void checkedInOnDayThreeAndOverriddenOnDayFiveReadsAsOfDayFourWithTheDayThreeState() {
        MilestoneStatusView dayTwo = view(h.vendor.id(), AsOf.endOf(day(2)));
        MilestoneStatusView dayFour = view(h.vendor.id(), AsOf.endOf(day(4)));
        MilestoneStatusView dayFive = view(h.vendor.id(), AsOf.endOf(day(5)));
        assertEquals(MilestoneStatus.NOT_STARTED, dayTwo.status());
        assertEquals(MilestoneStatus.IN_PROGRESS, dayFour.status());
        assertFalse(dayFour.isOverridden());
        assertEquals(day(4), dayFour.asOf());
        assertEquals(MilestoneStatus.BLOCKED, dayFive.status());
        assertEquals(MilestoneStatus.IN_PROGRESS, dayFive.derived());
        assertEquals("both vendors withdrew", dayFive.override().reason());
    }

    @Test
    void anInstantBetweenTwoActsOfOneDaySeesOnlyTheFirst() {
        assertEquals(MilestoneStatus.NOT_STARTED, view(h.vendor.id(), new AsOf(day(3, 9).minusNanos(1000))).status());
        assertEquals(MilestoneStatus.IN_PROGRESS, view(h.vendor.id(), new AsOf(day(3, 9))).status());
    }

    @Test
    void aReadingReceivedOnDayTenForDayTwoIsAbsentAsOfDayNineAndPresentAsOfDayTen() {
        TargetStatusView dayNine = view(h.csat.id(), AsOf.endOf(day(9))).targets().getFirst();
        TargetStatusView dayTen = view(h.csat.id(), AsOf.endOf(day(10))).targets().getFirst();
        assertTrue(dayNine.evaluation().current().isEmpty());
        assertEquals(Rag.NO_DATA, dayNine.evaluation().rag());
        // 82 satisfied of 100 answers: 82 %
        assertEquals(82.0, dayTen.evaluation().current().getAsDouble(), 1e-9);
    }

    @Test
    void aLaterTargetEditDoesNotChangeAnEarlierDay() {
        assertEquals(80.0, view(h.csat.id(), AsOf.endOf(day(5))).targets().getFirst().targetValue());
        assertEquals(90.0, view(h.csat.id(), AsOf.endOf(day(6))).targets().getFirst().targetValue());
    }

    @Test
    void nothingIsKnownBeforeThePlanWasMadeAndTheRollUpIsOfThatDay() {
        ProgramProgress before = progress.programProgress(h.program.id(), new AsOf(Instant.parse("2026-03-31T00:00:00Z")));
        assertEquals(0, before.program().itemCount());
        ProgramProgress dayFive = progress.programProgress(h.program.id(), AsOf.endOf(day(5)));
        assertEquals(day(5), dayFive.asOf());
        assertEquals(2, dayFive.program().itemCount());
        assertEquals(1, dayFive.program().count(MilestoneStatus.BLOCKED));
    }

    @Test
    void aDayAfterTodayIsRefusedNamingAsOf() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> progress.programProgress(h.program.id(), AsOf.endOf(day(11))));
        assertEquals("asOf", refused.violations().getFirst().field());
    }

    @Test
    void callersWithoutAProgramRoleReadNothing() {
        ProgressService ingest = h.progress(TestUsers.of("robot", Set.of(Role.METRICS_INGEST)));
        assertThrows(AccessDeniedException.class, () -> ingest.programProgress(h.program.id(), AsOf.endOf(day(4))));
    }

    @Test
    void aDayStandsForItsLastMicrosecondInUtcAndTextIsReadAsADayOrAnInstant() {
        assertEquals(Instant.parse("2026-06-30T23:59:59.999999Z"), AsOf.parse("2026-06-30").at());
        assertEquals(Instant.parse("2026-06-30T12:00:00Z"), AsOf.parse("2026-06-30T12:00:00Z").at());
        assertEquals(day(4), AsOf.endOf(day(4)).day());
        assertThrows(IllegalArgumentException.class, () -> AsOf.parse("30/06/2026"));
    }
}
