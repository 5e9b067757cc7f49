package io.cxtracker.persistence.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.CheckInView;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.MilestoneView;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class MilestoneRepositoryTest {
    private static final Instant FEB_1 = Instant.parse("2026-02-01T09:00:00Z");
    private static final Instant MAR_1 = Instant.parse("2026-03-01T09:30:00Z");

    private static long milestone(TestDatabase db) {
        return db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Initiative initiative = Fixtures.initiative(em, Fixtures.program(em), 1, Pillar.MEASURE, support, Map.of());
            Milestone milestone = new Milestone(initiative, "CSAT survey after every closed ticket", "all channels", support,
                    "alice", LocalDate.of(2026, 6, 30), List.of("https://wiki.example.com/csat"), 2.0);
            new JpaMilestoneRepository(em).add(milestone);
            return milestone.id();
        });
    }

    @Test
    void aMilestoneIsStoredWithCheckInsOverrideAndLinkedTargets(TestDatabase db) {
        long id = milestone(db);
        long[] targetIds = db.inTransaction(em -> {
            Milestone milestone = new JpaMilestoneRepository(em).findById(id).orElseThrow();
            Metric csat = Fixtures.metric(em, MetricKind.CSAT, Direction.HIGHER_IS_BETTER, milestone.ownerDepartment());
            Target t1 = Fixtures.target(em, csat, null, 70, 80, LocalDate.of(2026, 6, 30), 2, 30);
            Target t2 = Fixtures.target(em, csat, milestone.ownerDepartment(), 60, 75, LocalDate.of(2026, 6, 30), 0, 14);
            milestone.checkIn(CheckInStatus.IN_PROGRESS, 30, "survey live in chat", List.of("https://example.com/chat"),
                    "alice", FEB_1);
            milestone.checkIn(CheckInStatus.AT_RISK, 45, "phone vendor late", List.of(), "alice", MAR_1);
            milestone.linkTarget(t1);
            milestone.linkTarget(t2);
            milestone.linkTarget(t1);
            milestone.overrideStatus(MilestoneStatus.ON_TRACK, "vendor confirmed a date", "bob", MAR_1);
            new JpaMilestoneRepository(em).store(milestone);
            return new long[] {t1.id(), t2.id()};
        });
        MilestoneView view = db.inTransaction(em -> MilestoneView.of(new JpaMilestoneRepository(em).findById(id).orElseThrow()));
        assertEquals(45, view.progress());
        assertEquals(CheckInStatus.AT_RISK, view.reportedStatus());
        assertEquals(2, view.checkInCount());
        assertEquals(2.0, view.weight());
        assertEquals(List.of("https://wiki.example.com/csat"), view.evidence());
        assertEquals(List.of(targetIds[0], targetIds[1]), view.targetIds());
        assertEquals(MilestoneStatus.ON_TRACK, view.override().status());
        assertEquals("vendor confirmed a date", view.override().reason());
        assertEquals(MAR_1, view.override().at());
        assertEquals(1, view.version());

        List<CheckInView> checkIns = db.inTransaction(em -> new JpaMilestoneRepository(em).findById(id).orElseThrow()
                .checkIns().stream().map(CheckInView::of).toList());
        assertEquals(List.of(1, 2), checkIns.stream().map(CheckInView::sequence).toList());
        assertEquals(List.of("https://example.com/chat"), checkIns.get(0).evidence());
        assertEquals(FEB_1, checkIns.get(0).at());
        assertEquals("phone vendor late", checkIns.get(1).comment());

        MilestoneView cleared = db.inTransaction(em -> {
            Milestone milestone = new JpaMilestoneRepository(em).findById(id).orElseThrow();
            milestone.clearOverride();
            milestone.unlinkTarget(em.find(Target.class, targetIds[0]));
            new JpaMilestoneRepository(em).store(milestone);
            return MilestoneView.of(milestone);
        });
        assertNull(cleared.override());
        assertEquals(List.of(targetIds[1]), cleared.targetIds());
        assertEquals(2, cleared.version());
    }

    @Test
    void twoConcurrentCheckInsOnTheSameVersionCannotBothBeStored(TestDatabase db) {
        long id = milestone(db);
        EntityManager first = db.emf().createEntityManager();
        EntityManager second = db.emf().createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            Milestone mine = new JpaMilestoneRepository(first).findById(id).orElseThrow();
            Milestone theirs = new JpaMilestoneRepository(second).findById(id).orElseThrow();
            assertEquals(mine.version(), theirs.version());

            mine.checkIn(CheckInStatus.IN_PROGRESS, 40, "mine", List.of(), "alice", FEB_1);
            new JpaMilestoneRepository(first).store(mine);
            first.getTransaction().commit();

            theirs.checkIn(CheckInStatus.BLOCKED, 10, "theirs", List.of(), "bob", FEB_1);
            assertThrows(ConcurrentUpdateException.class, () -> new JpaMilestoneRepository(second).store(theirs));
            second.getTransaction().rollback();
        } finally {
            first.close();
            second.close();
        }
        MilestoneView stored = db.inTransaction(em -> MilestoneView.of(new JpaMilestoneRepository(em).findById(id).orElseThrow()));
        assertEquals(40, stored.progress());
        assertEquals(1, stored.checkInCount());
        assertEquals(1, db.number("SELECT count(*) FROM check_in WHERE milestone_id = " + id));
    }

    @Test
    void aStaleRevisionIsRefusedAndTheFirstOneKept(TestDatabase db) {
        long id = milestone(db);
        EntityManager first = db.emf().createEntityManager();
        EntityManager second = db.emf().createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            Milestone mine = new JpaMilestoneRepository(first).findById(id).orElseThrow();
            Milestone theirs = new JpaMilestoneRepository(second).findById(id).orElseThrow();

            mine.revise("Mine", null, mine.ownerDepartment(), "alice", mine.due(), List.of(), null);
            new JpaMilestoneRepository(first).store(mine);
            first.getTransaction().commit();

            theirs.revise("Theirs", null, theirs.ownerDepartment(), "bob", theirs.due(), List.of(), null);
            assertThrows(ConcurrentUpdateException.class, () -> new JpaMilestoneRepository(second).store(theirs));
            second.getTransaction().rollback();
        } finally {
            first.close();
            second.close();
        }
        MilestoneView stored = db.inTransaction(em -> MilestoneView.of(new JpaMilestoneRepository(em).findById(id).orElseThrow()));
        assertEquals("Mine", stored.title());
        assertEquals(List.of(), stored.evidence());
        assertEquals(1, stored.version());
    }

    @Test
    void milestonesAreListedByInitiativeInDueOrder(TestDatabase db) {
        long initiativeId = db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Initiative initiative = Fixtures.initiative(em, Fixtures.program(em), 1, Pillar.CHANGE, support, Map.of());
            Fixtures.milestone(em, initiative, support, LocalDate.of(2026, 9, 30));
            Fixtures.milestone(em, initiative, support, LocalDate.of(2026, 3, 31));
            return initiative.id();
        });
        List<LocalDate> dues = db.inTransaction(em -> new JpaMilestoneRepository(em).listByInitiative(initiativeId)
                .stream().map(Milestone::due).toList());
        assertEquals(List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 9, 30)), dues);
    }
}
