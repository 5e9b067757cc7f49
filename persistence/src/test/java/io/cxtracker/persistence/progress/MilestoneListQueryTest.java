package io.cxtracker.persistence.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The milestone lists' SQL: every criterion of the filter, the sort names, paging with the total, the target links. */
@ExtendWith(PostgresExtension.class)
class MilestoneListQueryTest {

    private record Plan(long program, long measure, String support, String billing, long[] milestones, long target) {
    }

    /** Support owns two MEASURE milestones (phase 1, due March and June); billing one LISTEN milestone in phase 2. */
    private Plan plan(TestDatabase db) {
        return db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Department billing = Fixtures.department(em, "billing");
            Program program = Fixtures.program(em);
            Initiative measure = Fixtures.initiative(em, program, 1, Pillar.MEASURE, support, Map.of());
            Initiative listen = Fixtures.initiative(em, program, 2, Pillar.LISTEN, billing, Map.of());
            Milestone june = Fixtures.milestone(em, measure, support, LocalDate.of(2026, 6, 30));
            Milestone march = Fixtures.milestone(em, measure, support, LocalDate.of(2026, 3, 31));
            Milestone next = Fixtures.milestone(em, listen, billing, LocalDate.of(2027, 2, 28));
            Target target = Fixtures.target(em, Fixtures.metric(em, io.cxtracker.domain.metric.MetricKind.CSAT,
                    io.cxtracker.domain.metric.Direction.HIGHER_IS_BETTER, support), support, 70, 80, LocalDate.of(2026, 6, 30), 2, 30);
            june.linkTarget(target);
            em.flush();
            return new Plan(program.id(), measure.id(), support.code().value(), billing.code().value(),
                    new long[] {march.id(), june.id(), next.id()}, target.id());
        });
    }

    private static List<Long> ids(List<MilestoneFacts> facts) {
        return facts.stream().map(MilestoneFacts::id).toList();
    }

    private static MilestoneFilter filter(Long program, Long initiative, String department, Pillar pillar, Integer phase,
            LocalDate after, LocalDate before) {
        return new MilestoneFilter(program, initiative,
                department == null ? null : new io.cxtracker.domain.shared.DepartmentCode(department), pillar, phase,
                Set.of(), after, before);
    }

    @Test
    void everyCriterionNarrowsTheList(TestDatabase db) {
        Plan plan = plan(db);
        long[] m = plan.milestones();
        PageRequest byDue = new PageRequest(0, 50, "due", true);
        List<MilestoneFacts> all = db.inTransaction(em -> new JpaProgressRepository(em)
                .allMilestones(filter(plan.program(), null, null, null, null, null, null), byDue));
        assertEquals(List.of(m[0], m[1], m[2]), ids(all));
        assertEquals(List.of(plan.target()), all.get(1).targetIds());
        assertEquals(List.of(), all.get(0).targetIds());

        assertEquals(List.of(m[0], m[1]), ids(db.inTransaction(em -> new JpaProgressRepository(em)
                .allMilestones(filter(null, null, plan.support(), null, null, null, null), byDue))));
        assertEquals(List.of(m[2]), ids(db.inTransaction(em -> new JpaProgressRepository(em)
                .allMilestones(filter(plan.program(), null, null, Pillar.LISTEN, 2, null, null), byDue))));
        assertEquals(List.of(m[0], m[1]), ids(db.inTransaction(em -> new JpaProgressRepository(em)
                .allMilestones(filter(null, plan.measure(), null, null, 1, null, null), byDue))));
        assertEquals(List.of(m[1]), ids(db.inTransaction(em -> new JpaProgressRepository(em)
                .allMilestones(filter(plan.program(), null, null, null, null, LocalDate.of(2026, 4, 1),
                        LocalDate.of(2026, 6, 30)), byDue))));
    }

    @Test
    void aPageCarriesTheTotalAndFollowsTheSort(TestDatabase db) {
        Plan plan = plan(db);
        long[] m = plan.milestones();
        Page<MilestoneFacts> page = db.inTransaction(em -> new JpaProgressRepository(em)
                .milestones(filter(plan.program(), null, null, null, null, null, null), new PageRequest(1, 1, "due", false)));
        assertEquals(3, page.total());
        assertEquals(List.of(m[1]), ids(page.items()));
        assertEquals(List.of(plan.target()), page.items().get(0).targetIds());

        Page<MilestoneFacts> byDepartment = db.inTransaction(em -> new JpaProgressRepository(em)
                .milestones(filter(plan.program(), null, null, null, null, null, null), new PageRequest(0, 1, "department", true)));
        assertEquals(List.of(m[2]), ids(byDepartment.items()), "billing-… sorts before support-…");

        assertThrows(InvalidInputException.class, () -> db.inTransaction(em -> new JpaProgressRepository(em)
                .milestones(MilestoneFilter.all(), new PageRequest(0, 1, "weight; drop table milestone", true))));
    }
}
