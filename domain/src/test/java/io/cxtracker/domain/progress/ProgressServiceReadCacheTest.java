package io.cxtracker.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.security.TestUsers;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.testing.InMemory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Today's program progress and milestone pages through the read cache: one milestone of support's, due 30 June, not started on 1 April.
 * The fake database says whether a change was committed; the in-memory plan changes either way, so a result served
 * from the cache shows the old status and a computed one the new.
 */
class ProgressServiceReadCacheTest {
    private static final Clock APRIL_1 = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);

    private final FakeFreshness database = new FakeFreshness();
    private final ReadCache cache = new ReadCache(database, APRIL_1, new ReadCacheSettings(8));
    private InMemory store;
    private Program program;
    private Milestone milestone;

    @BeforeEach
    void plan() {
        store = new InMemory();
        Department support = store.department("support");
        program = Program.withDefaultPhases("CX 2026–2028", LocalDate.of(2026, 1, 1));
        store.programs.add(program);
        Initiative initiative = new Initiative(program.phase(1).orElseThrow(), Pillar.CHANGE, "Change", null, support, Map.of());
        store.initiatives.add(initiative);
        milestone = new Milestone(initiative, "Callback in 24 h", null, support, "alice", LocalDate.of(2026, 6, 30), null, null);
        store.milestones.add(milestone);
    }

    private ProgressService service(CurrentUser reader) {
        return new ProgressService(store.progress, store.programs, store.milestones, store.targets, store.series, APRIL_1,
                store.approvals, reader, null, cache);
    }

    private long count(ProgramProgress progress, MilestoneStatus status) {
        return progress.program().count(status);
    }

    @Test
    void aCheckInCommittedShowsAtOnceAndNothingCommittedServesTheSameResult() {
        ProgressService exec = service(TestUsers.executive());
        ProgramProgress first = exec.programProgress(program.id());
        assertEquals(1, count(first, MilestoneStatus.NOT_STARTED));
        assertSame(first, exec.programProgress(program.id()), "nothing committed: the same result");

        milestone.checkIn(CheckInStatus.BLOCKED, 10, "waiting for the telephony vendor", null, "lead", APRIL_1.instant());
        // not committed yet (the database says nothing changed): the kept result, as the reader's snapshot shows it
        assertSame(first, exec.programProgress(program.id()));
        database.commitChange();
        ProgramProgress after = exec.programProgress(program.id());
        assertEquals(0, count(after, MilestoneStatus.NOT_STARTED));
        assertEquals(1, count(after, MilestoneStatus.BLOCKED));
    }

    @Test
    void aMilestonePageIsKeptPerFilterAndPageAndShowsACommittedCheckInAtTheNextRead() {
        ProgressService exec = service(TestUsers.executive());
        MilestoneFilter ofSupport = new MilestoneFilter(program.id(), null, new DepartmentCode("support"), null, null, Set.of(),
                null, null);
        PageRequest first = new PageRequest(0, 50, "due", true);
        Page<MilestoneStatusView> page = exec.milestones(ofSupport, first);
        assertEquals(MilestoneStatus.NOT_STARTED, page.items().get(0).status());
        assertSame(page, exec.milestones(ofSupport, new PageRequest(0, 50, "due", true)), "equal filter and page: kept");
        Page<MilestoneStatusView> other = exec.milestones(ofSupport, new PageRequest(0, 10, "due", true));
        assertNotSame(page, other, "another page size is another read");
        assertEquals(1, other.total());

        milestone.checkIn(CheckInStatus.BLOCKED, 10, "waiting for the telephony vendor", null, "lead", APRIL_1.instant());
        assertSame(page, exec.milestones(ofSupport, first), "not committed: the reader's snapshot shows the kept page");
        database.commitChange();
        assertEquals(MilestoneStatus.BLOCKED, exec.milestones(ofSupport, first).items().get(0).status());
        assertThrows(AccessDeniedException.class, () -> service(TestUsers.of("visitor", Set.of())).milestones(ofSupport, first));
    }

    @Test
    void aReaderWithoutARoleIsRefusedAlsoWhenTheResultIsKept() {
        ProgramProgress kept = service(TestUsers.executive()).programProgress(program.id());
        assertThrows(AccessDeniedException.class, () -> service(TestUsers.of("visitor", Set.of())).programProgress(program.id()));
        // a lead reads the same result: it does not depend on who reads
        assertSame(kept, service(TestUsers.of("lead", Set.of(Role.DEPARTMENT_LEAD), "billing")).programProgress(program.id()));
    }
}
