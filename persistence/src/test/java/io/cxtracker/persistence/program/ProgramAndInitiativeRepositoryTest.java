package io.cxtracker.persistence.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.program.PhasePlan;
import io.cxtracker.domain.program.PhaseSummary;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.persistence.initiative.JpaInitiativeRepository;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ProgramAndInitiativeRepositoryTest {

    @Test
    void aProgramIsStoredWithItsThreeDefaultYearLongPhases(TestDatabase db) {
        long id = db.inTransaction(em -> {
            Program program = Program.withDefaultPhases("CX Transformation 2026–2028", LocalDate.of(2026, 1, 1));
            new JpaProgramRepository(em).add(program);
            return program.id();
        });
        ProgramSummary stored = db.inTransaction(em -> ProgramSummary.of(new JpaProgramRepository(em).findById(id).orElseThrow()));
        assertEquals(List.of("Transform", "Optimize", "Sustain"), stored.phases().stream().map(PhaseSummary::name).toList());
        assertEquals(LocalDate.of(2026, 12, 31), stored.phases().get(0).end());
        assertEquals(LocalDate.of(2027, 1, 1), stored.phases().get(1).start());
        assertEquals(LocalDate.of(2028, 12, 31), stored.end());
        assertTrue(db.inTransaction(em -> new JpaProgramRepository(em).list()).stream().anyMatch(p -> p.id() == id));
    }

    @Test
    void aProgramKeepsConfiguredPhases(TestDatabase db) {
        LocalDate start = LocalDate.of(2026, 7, 1);
        List<PhasePlan> plan = List.of(new PhasePlan("Pilot", start, LocalDate.of(2026, 12, 31)),
                new PhasePlan("Roll-out", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 30)));
        long id = db.inTransaction(em -> {
            Program program = new Program("Two-phase plan", start, plan);
            new JpaProgramRepository(em).add(program);
            return program.id();
        });
        ProgramSummary stored = db.inTransaction(em -> ProgramSummary.of(new JpaProgramRepository(em).findById(id).orElseThrow()));
        assertEquals(List.of("Pilot", "Roll-out"), stored.phases().stream().map(PhaseSummary::name).toList());
        assertEquals(LocalDate.of(2028, 6, 30), stored.end());
    }

    @Test
    void anInitiativeIsStoredWithItsRaci(TestDatabase db) {
        long id = db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Department billing = Fixtures.department(em, "billing");
            Department sales = Fixtures.department(em, "sales");
            Program program = Fixtures.program(em);
            Map<Department, RaciRole> raci = new LinkedHashMap<>();
            raci.put(billing, RaciRole.RESPONSIBLE);
            raci.put(sales, RaciRole.INFORMED);
            Initiative initiative = new Initiative(program.phase(2).orElseThrow(), Pillar.MEASURE, "First-day resolution",
                    null, support, raci);
            new JpaInitiativeRepository(em).add(initiative);
            return initiative.id();
        });
        InitiativeSummary stored = db.inTransaction(em -> InitiativeSummary.of(new JpaInitiativeRepository(em).findById(id).orElseThrow()));
        assertEquals(2, stored.phaseNumber());
        assertEquals("Optimize", stored.phaseName());
        assertEquals(Pillar.MEASURE, stored.pillar());
        assertEquals(List.of(RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE, RaciRole.INFORMED), List.copyOf(stored.raci().values()));
        assertEquals(stored.accountableDepartment(), stored.raci().keySet().iterator().next());
        assertEquals(1, db.inTransaction(em -> new JpaInitiativeRepository(em).listByProgram(stored.programId())).size());
    }

    @Test
    void aRaciChangeOnAStaleInitiativeIsRefused(TestDatabase db) {
        long[] ids = db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Department billing = Fixtures.department(em, "billing");
            Initiative initiative = Fixtures.initiative(em, Fixtures.program(em), 1, Pillar.LISTEN, support, Map.of());
            return new long[] {initiative.id(), billing.id()};
        });
        EntityManager first = db.emf().createEntityManager();
        EntityManager second = db.emf().createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            Initiative mine = new JpaInitiativeRepository(first).findById(ids[0]).orElseThrow();
            Initiative theirs = new JpaInitiativeRepository(second).findById(ids[0]).orElseThrow();
            Department billingForMe = first.find(Department.class, ids[1]);
            Department billingForThem = second.find(Department.class, ids[1]);

            mine.assign(billingForMe, RaciRole.CONSULTED);
            new JpaInitiativeRepository(first).store(mine);
            first.getTransaction().commit();

            theirs.assign(billingForThem, RaciRole.INFORMED);
            assertThrows(ConcurrentUpdateException.class, () -> new JpaInitiativeRepository(second).store(theirs));
            second.getTransaction().rollback();
        } finally {
            first.close();
            second.close();
        }
        InitiativeSummary stored = db.inTransaction(em -> InitiativeSummary.of(new JpaInitiativeRepository(em).findById(ids[0]).orElseThrow()));
        assertEquals(RaciRole.CONSULTED, stored.raci().values().stream().skip(1).findFirst().orElseThrow());
        assertEquals(1, stored.version());
    }
}
