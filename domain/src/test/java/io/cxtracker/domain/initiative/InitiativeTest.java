package io.cxtracker.domain.initiative;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitiativeTest {
    private final Program program = Program.withDefaultPhases("CX", LocalDate.of(2026, 1, 1));
    private final Department support = department("support");
    private final Department billing = department("billing");
    private final Department sales = department("sales");

    private static Department department(String code) {
        return new Department(new DepartmentCode(code), code, null);
    }

    private Initiative firstDayResolution() {
        Map<Department, RaciRole> raci = new LinkedHashMap<>();
        raci.put(billing, RaciRole.RESPONSIBLE);
        raci.put(sales, RaciRole.INFORMED);
        return new Initiative(program.phase(1).orElseThrow(), Pillar.MEASURE, "First-day resolution", null, support, raci);
    }

    @Test
    void exactlyOneDepartmentIsAccountableAndListedFirst() {
        Initiative initiative = firstDayResolution();
        assertEquals(List.of(support.code(), billing.code(), sales.code()), List.copyOf(initiative.raci().keySet()));
        assertEquals(List.of(RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE, RaciRole.INFORMED),
                List.copyOf(initiative.raci().values()));
        assertEquals(program, initiative.program());
    }

    @Test
    void aContributorCannotBeAccountableNorTheAccountableDepartmentAContributor() {
        fields(() -> new Initiative(program.phase(1).orElseThrow(), Pillar.LISTEN, "Two heads", null, support,
                Map.of(billing, RaciRole.ACCOUNTABLE)), "raci.billing");
        fields(() -> new Initiative(program.phase(1).orElseThrow(), Pillar.LISTEN, "Twice", null, support,
                Map.of(support, RaciRole.CONSULTED)), "raci.support");
    }

    @Test
    void missingFieldsAreNamed() {
        fields(() -> new Initiative(null, null, " ", null, null, null), "phase", "pillar", "title", "accountableDepartment");
    }

    @Test
    void accountabilityCanBeHandedOver() {
        Initiative initiative = firstDayResolution();
        initiative.assign(billing, RaciRole.ACCOUNTABLE);
        assertEquals(Map.of(billing.code(), RaciRole.ACCOUNTABLE, sales.code(), RaciRole.INFORMED), initiative.raci());
        initiative.assign(support, RaciRole.CONSULTED);
        assertEquals(RaciRole.CONSULTED, initiative.raci().get(support.code()));
        fields(() -> initiative.assign(billing, RaciRole.INFORMED), "raci.billing");
    }

    @Test
    void anInitiativeMovesOnlyToPhasesOfItsOwnProgram() {
        Initiative initiative = firstDayResolution();
        initiative.moveTo(program.phase(3).orElseThrow());
        assertEquals(3, initiative.phase().number());
        Program other = Program.withDefaultPhases("Other", LocalDate.of(2026, 1, 1));
        assertThrows(InvalidInputException.class, () -> initiative.moveTo(other.phase(1).orElseThrow()));
    }
}
