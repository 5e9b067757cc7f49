package io.cxtracker.domain.review;

import static io.cxtracker.domain.review.AsOfHistory.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.security.TestUsers;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.targets.Rag;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What changed between two instants of the hand-built {@link AsOfHistory}. */
class ReviewServiceTest {
    private final AsOfHistory h = new AsOfHistory();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final List<ReviewMark> marks = new ArrayList<>();

    private final ReviewRepository repository = new ReviewRepository() {
        @Override
        public List<CheckInMade> checkInsBetween(long programId, Instant from, Instant to) {
            return h.checkIns().stream().filter(c -> c.at().isAfter(from) && !c.at().isAfter(to)).toList();
        }

        @Override
        public List<OverrideMade> overridesBetween(long programId, Instant from, Instant to) {
            return h.overrides().stream().filter(o -> o.at().isAfter(from) && !o.at().isAfter(to)).toList();
        }

        @Override
        public Optional<ReviewMark> lastReview(long programId, Instant atOrBefore) {
            return marks.stream().filter(m -> !m.reviewedAt().isAfter(atOrBefore)).reduce((a, b) -> b);
        }

        @Override
        public ReviewMark record(long programId, Instant reviewedAt, String reviewedBy, String note) {
            ReviewMark mark = new ReviewMark(marks.size() + 1, programId, reviewedAt, reviewedBy, note);
            marks.add(mark);
            return mark;
        }
    };

    private ReviewService service(CurrentUser user) {
        return service(user, AsOfHistory.APRIL_10);
    }

    private ReviewService service(CurrentUser user, Clock clock) {
        return new ReviewService(h.progress(user), repository, h.store.programs, trail.recorder(user), clock, user);
    }

    @Test
    void fromDayTwoToDayFiveTheOverrideExplainsTheChangeAndTheCheckInIsListed() {
        ProgramChanges changes = service(TestUsers.executive()).changes(h.program.id(), day(2, 0), AsOf.endOf(day(5)).at());

        assertEquals(1, changes.statusChanges().size());
        StatusChange change = changes.statusChanges().getFirst();
        assertEquals(h.vendor.id(), change.milestoneId());
        assertEquals(MilestoneStatus.NOT_STARTED, change.from());
        assertEquals(MilestoneStatus.BLOCKED, change.to());
        assertEquals("carol", change.by());
        assertEquals("both vendors withdrew", change.why());
        assertEquals(day(5, 9), change.at());

        assertEquals(List.of(h.vendor.id()), changes.newAtRisk().stream().map(MilestoneChange::milestoneId).toList());
        assertTrue(changes.newOverdue().isEmpty());
        assertEquals(h.checkIns(), changes.checkIns());
        assertEquals(h.overrides(), changes.overrides());
        assertNull(changes.since());
    }

    @Test
    void fromDayFourTheCheckInIsBeforeTheWindowAndOnlyTheOverrideCounts() {
        ProgramChanges changes = service(TestUsers.executive()).changes(h.program.id(), AsOf.endOf(day(4)).at(),
                AsOf.endOf(day(5)).at());
        StatusChange change = changes.statusChanges().getFirst();
        assertEquals(MilestoneStatus.IN_PROGRESS, change.from());
        assertEquals(MilestoneStatus.BLOCKED, change.to());
        assertTrue(changes.checkIns().isEmpty());
    }

    @Test
    void theLateReadingTurnsTheTargetFromNoDataAndMovesTheMetricOfItsPillarAndDepartment() {
        ProgramChanges changes = service(TestUsers.executive()).changes(h.program.id(), AsOf.endOf(day(9)).at(),
                AsOf.endOf(day(10)).at());
        RagChange rag = changes.targetRagChanges().getFirst();
        assertEquals(h.target.id(), rag.targetId());
        assertEquals(Rag.NO_DATA, rag.from());
        MetricMovement moved = changes.metricMovements().getFirst();
        assertEquals("support", moved.departmentCode());
        assertEquals("csat", moved.metricKey());
        assertTrue(moved.from().isEmpty());
        assertEquals(82.0, moved.to().getAsDouble(), 1e-9);
        // nobody acted: the change of the CSAT milestone, if any, is the targets'
        changes.statusChanges().forEach(c -> assertNull(c.by()));
    }

    @Test
    void withoutAReviewTheChangesCountFromNinetyDaysBeforeAndFromTheLatestReviewOnceOneIsMarked() {
        ReviewService executive = service(TestUsers.executive());
        ProgramChanges unreviewed = executive.changes(h.program.id(), null, null);
        assertEquals(AsOfHistory.APRIL_10.instant(), unreviewed.to());
        assertEquals(AsOfHistory.APRIL_10.instant().minus(ReviewService.WITHOUT_REVIEW), unreviewed.from());

        ReviewMark mark = service(TestUsers.executive(), Clock.fixed(day(7, 12), ZoneOffset.UTC))
                .markReviewed(h.program.id(), "  Q1 board  ");
        assertEquals("Q1 board", mark.note());
        assertEquals("exec", mark.reviewedBy());
        assertEquals("program-review", trail.last(1).entityType());
        ProgramChanges sinceReview = executive.changes(h.program.id(), null, AsOf.endOf(day(10)).at());
        // marked at noon on day 7: the override of day 5 is before it, so nothing of the vendor milestone changed since
        assertEquals(mark, sinceReview.since());
        assertEquals(day(7, 12), sinceReview.from());
        assertTrue(sinceReview.statusChanges().stream().noneMatch(c -> c.milestoneId() == h.vendor.id()));
        assertTrue(sinceReview.overrides().isEmpty());
    }

    @Test
    void aLeadReadsTheChangesButMayNotMarkAReview() {
        CurrentUser lead = TestUsers.of("bob", Set.of(Role.DEPARTMENT_LEAD), "billing");
        assertEquals(1, service(lead).changes(h.program.id(), day(2, 0), AsOf.endOf(day(5)).at()).statusChanges().size());
        assertThrows(AccessDeniedException.class, () -> service(lead).markReviewed(h.program.id(), null));
        assertTrue(marks.isEmpty());
        assertEquals(0, trail.size());
    }

    @Test
    void fromNotBeforeToIsRefusedNamingFromAndALongNoteNamingNote() {
        ReviewService executive = service(TestUsers.executive());
        InvalidInputException backwards = assertThrows(InvalidInputException.class,
                () -> executive.changes(h.program.id(), day(5, 0), day(4, 0)));
        assertEquals("from", backwards.violations().getFirst().field());
        InvalidInputException longNote = assertThrows(InvalidInputException.class,
                () -> executive.markReviewed(h.program.id(), "x".repeat(ReviewService.NOTE_MAX_LENGTH + 1)));
        assertEquals("note", longNote.violations().getFirst().field());
        assertTrue(marks.isEmpty());
    }
}
