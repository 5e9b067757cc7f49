package io.cxtracker.persistence.initiative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class InitiativePageQueryTest {

    @Test
    void aDepartmentFindsTheInitiativesItIsAccountableForOrHasAnyOtherRoleIn(TestDatabase db) {
        long[] ids = db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Department billing = Fixtures.department(em, "billing");
            Program program = Fixtures.program(em);
            Initiative owned = Fixtures.initiative(em, program, 1, Pillar.MEASURE, support, Map.of());
            Initiative informed = Fixtures.initiative(em, program, 2, Pillar.CHANGE, billing, Map.of(support, RaciRole.INFORMED));
            Initiative other = Fixtures.initiative(em, program, 1, Pillar.LISTEN, billing, Map.of());
            return new long[] {program.id(), owned.id(), informed.id(), other.id(), support.id()};
        });
        String support = db.inTransaction(em -> em.find(Department.class, ids[4]).code().value());
        Page<Initiative> supports = db.inTransaction(em -> new JpaInitiativeRepository(em)
                .page(new InitiativeFilter(ids[0], new DepartmentCode(support), null, null), PageRequest.first(10)));
        assertEquals(2, supports.total());
        assertEquals(List.of(ids[1], ids[2]), supports.items().stream().map(Initiative::id).toList());

        Page<Initiative> phaseOne = db.inTransaction(em -> new JpaInitiativeRepository(em)
                .page(new InitiativeFilter(ids[0], null, null, 1), new PageRequest(0, 1, "id", false)));
        assertEquals(2, phaseOne.total());
        assertEquals(List.of(ids[3]), phaseOne.items().stream().map(Initiative::id).toList());

        Page<Initiative> change = db.inTransaction(em -> new JpaInitiativeRepository(em)
                .page(new InitiativeFilter(ids[0], null, Pillar.CHANGE, null), PageRequest.first(10)));
        assertEquals(List.of(ids[2]), change.items().stream().map(Initiative::id).toList());
    }
}
