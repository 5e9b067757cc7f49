package io.cxtracker.persistence.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.persistence.program.JpaProgramRepository;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Targets listed by metric and/or department; targets and programs stored only from their current version. */
@ExtendWith(PostgresExtension.class)
class TargetListQueryTest {

    @Test
    void targetsAreListedByMetricAndDepartmentByDueDate(TestDatabase db) {
        Object[] plan = db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Metric csat = Fixtures.metric(em, MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support);
            Metric nps = Fixtures.metric(em, MetricKind.NPS, Direction.HIGHER_IS_BETTER, support);
            Target late = Fixtures.target(em, csat, support, 70, 80, LocalDate.of(2026, 12, 31), 0, 30);
            Target early = Fixtures.target(em, csat, null, 70, 80, LocalDate.of(2026, 6, 30), 0, 30);
            Target other = Fixtures.target(em, nps, support, 10, 30, LocalDate.of(2026, 9, 30), 0, 30);
            return new Object[] {csat.key(), support.code(), late.id(), early.id(), other.id()};
        });
        var csat = (io.cxtracker.domain.metric.MetricKey) plan[0];
        var support = (io.cxtracker.domain.shared.DepartmentCode) plan[1];
        assertEquals(List.of(plan[3], plan[2]), ids(db.inTransaction(em -> new JpaTargetRepository(em).list(csat, null))));
        assertEquals(List.of(plan[4], plan[2]), ids(db.inTransaction(em -> new JpaTargetRepository(em).list(null, support))));
        assertEquals(List.of(plan[2]), ids(db.inTransaction(em -> new JpaTargetRepository(em).list(csat, support))));
    }

    @Test
    void targetsAreFoundByTheirIdsInIdOrderWithMetricAndDepartment(TestDatabase db) {
        long[] ids = db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Metric csat = Fixtures.metric(em, MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support);
            long first = Fixtures.target(em, csat, support, 70, 80, LocalDate.of(2026, 12, 31), 0, 30).id();
            long second = Fixtures.target(em, csat, null, 70, 80, LocalDate.of(2026, 6, 30), 0, 30).id();
            long third = Fixtures.target(em, csat, support, 60, 90, LocalDate.of(2026, 9, 30), 0, 30).id();
            return new long[] {first, second, third};
        });
        // a repeated id and one that names no target; any number of ids, in one statement
        List<Target> found = db.inTransaction(em -> {
            List<Target> targets = new JpaTargetRepository(em).findAllById(List.of(ids[2], ids[0], ids[2], 999_999L));
            targets.forEach(t -> {
                t.metric().key();
                if (t.department() != null) {
                    t.department().code();
                }
            });
            return targets;
        });
        assertEquals(List.of(ids[0], ids[2]), ids(found));
        assertEquals(found.get(0).department().code(), found.get(1).department().code());
        assertEquals(found.get(0).metric().key(), found.get(1).metric().key());
        assertEquals(List.of(ids[1]), ids(db.inTransaction(em -> new JpaTargetRepository(em).findAllById(List.of(ids[1])))));
        assertEquals(List.of(), db.inTransaction(em -> new JpaTargetRepository(em).findAllById(List.of())));
    }

    private static List<Object> ids(List<Target> targets) {
        return targets.stream().map(t -> (Object) t.id()).toList();
    }

    @Test
    void aTargetRevisedConcurrentlyIsRefused(TestDatabase db) {
        long id = db.inTransaction(em -> Fixtures.target(em, Fixtures.metric(em, MetricKind.RATIO, Direction.LOWER_IS_BETTER,
                Fixtures.department(em, "billing")), null, 20, 10, LocalDate.of(2026, 6, 30), 1, 30).id());
        race(db, em -> em.find(Target.class, id), (em, target, first) -> {
            target.revise(first ? 18.0 : 19.0, 10.0, LocalDate.of(2026, 6, 30), 1.0, 30);
            new JpaTargetRepository(em).store(target);
        });
        assertEquals(18.0, db.inTransaction(em -> em.find(Target.class, id).baseline()));
    }

    @Test
    void aProgramRenamedConcurrentlyIsRefused(TestDatabase db) {
        long id = db.inTransaction(em -> Fixtures.program(em).id());
        race(db, em -> new JpaProgramRepository(em).findById(id).orElseThrow(), (em, program, first) -> {
            program.rename(first ? "First" : "Second");
            new JpaProgramRepository(em).store(program);
        });
        assertEquals("First", db.inTransaction(em -> em.find(Program.class, id).name()));
    }

    private interface Change<T> {
        void apply(EntityManager em, T loaded, boolean first);
    }

    /** Two transactions load the same thing; the first commits its change, the second's is refused. */
    private static <T> void race(TestDatabase db, Function<EntityManager, T> load, Change<T> change) {
        EntityManager first = db.emf().createEntityManager();
        EntityManager second = db.emf().createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            T mine = load.apply(first);
            T theirs = load.apply(second);
            change.apply(first, mine, true);
            first.getTransaction().commit();
            assertThrows(ConcurrentUpdateException.class, () -> change.apply(second, theirs, false));
            second.getTransaction().rollback();
        } finally {
            first.close();
            second.close();
        }
    }
}
