package io.cxtracker.domain.setup;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.PhaseSummary;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.domain.target.NewTarget;
import io.cxtracker.domain.target.TargetSummary;
import io.cxtracker.domain.testing.InMemory;
import io.cxtracker.domain.testing.TestUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgramSetupServiceTest {
    private InMemory store;

    @BeforeEach
    void departments() {
        store = new InMemory();
        store.department("support");
        store.department("billing");
    }

    private ProgramSetupService as(CurrentUser user) {
        return new ProgramSetupService(store.programs, store.initiatives, store.metrics, store.targets, store.departments, user);
    }

    private ProgramSetupService admin() {
        return as(TestUser.programAdmin());
    }

    @Test
    void aProgramAdminSetsUpAProgramWithTheDefaultPhases() {
        ProgramSummary program = admin().createProgram(new NewProgram("CX Transformation 2026–2028", LocalDate.of(2026, 1, 1), null));
        assertEquals(List.of("Transform", "Optimize", "Sustain"), program.phases().stream().map(PhaseSummary::name).toList());
        assertEquals(List.of(program), admin().programs());
    }

    @Test
    void onlyProgramAdminsSetUp() {
        NewProgram command = new NewProgram("CX", LocalDate.of(2026, 1, 1), null);
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf("support")).createProgram(command));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.executive()).createProgram(command));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.surveyTool()).defineMetric(
                new NewMetric("csat", "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, "support", ReportingFrequency.DAILY)));
        assertEquals(List.of(), store.programRows);
    }

    @Test
    void anInitiativeGetsItsPhaseByNumberAndItsRaciByDepartmentCode() {
        long program = admin().createProgram(new NewProgram("CX", LocalDate.of(2026, 1, 1), null)).id();
        InitiativeSummary initiative = admin().createInitiative(new NewInitiative(program, 2, Pillar.CHANGE,
                "Fix the top three billing complaints", null, "billing", Map.of("support", RaciRole.RESPONSIBLE)));
        assertEquals("Optimize", initiative.phaseName());
        assertEquals(Map.of("billing", RaciRole.ACCOUNTABLE, "support", RaciRole.RESPONSIBLE), initiative.raci());

        InitiativeSummary handedOver = admin().assignRaci(initiative.id(), initiative.version(), "support", RaciRole.ACCOUNTABLE);
        assertEquals("support", handedOver.accountableDepartment());
        assertEquals(1, handedOver.version());
    }

    @Test
    void unknownPhasesAndDepartmentsAreNamedTogether() {
        long program = admin().createProgram(new NewProgram("CX", LocalDate.of(2026, 1, 1), null)).id();
        fields(() -> admin().createInitiative(new NewInitiative(program, 4, Pillar.LISTEN, " ", null, "legal",
                Map.of("Nope!", RaciRole.INFORMED))), "phaseNumber", "accountableDepartment", "raci.Nope!", "title");
    }

    @Test
    void aMetricKeyIsTakenOnce() {
        NewMetric csat = new NewMetric("csat", "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, "support",
                ReportingFrequency.DAILY);
        assertEquals("support", admin().defineMetric(csat).ownerDepartment());
        assertThrows(AlreadyExistsException.class, () -> admin().defineMetric(csat));
        fields(() -> admin().defineMetric(new NewMetric("CSAT!", "", "%", null, Direction.HIGHER_IS_BETTER, "nobody", null)),
                "key", "ownerDepartment", "name", "kind", "expectedFrequency");
    }

    @Test
    void aTargetIsDueOnADateOrAtTheEndOfAPhase() {
        long program = admin().createProgram(new NewProgram("CX", LocalDate.of(2026, 1, 1), null)).id();
        admin().defineMetric(new NewMetric("churn", "Churn", "%", MetricKind.RATIO, Direction.LOWER_IS_BETTER, "billing",
                ReportingFrequency.MONTHLY));

        TargetSummary byPhase = admin().setTarget(new NewTarget("churn", null, 8.0, 5.0, null, program, 2, 0.5, 90));
        assertEquals(LocalDate.of(2027, 12, 31), byPhase.due());
        assertNull(byPhase.departmentCode());
        TargetSummary byDate = admin().setTarget(new NewTarget("churn", "billing", 8.0, 6.0, LocalDate.of(2026, 6, 30), null,
                null, null, null));
        assertEquals("billing", byDate.departmentCode());
        assertEquals(2, admin().targets("churn").size());

        fields(() -> admin().setTarget(new NewTarget("churn", null, 8.0, 9.0, LocalDate.of(2026, 6, 30), program, 1, null, null)),
                "due", "targetValue");
        fields(() -> admin().setTarget(new NewTarget("nps", null, 8.0, 9.0, LocalDate.of(2026, 6, 30), null, null, null, null)),
                "metricKey");
    }
}
