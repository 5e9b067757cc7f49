package io.cxtracker.domain.setup;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.targets.TargetSetupService;
import io.cxtracker.domain.audit.AuditEntry;
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
import io.cxtracker.domain.targets.NewTarget;
import io.cxtracker.domain.targets.TargetSummary;
import io.cxtracker.domain.testing.InMemory;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import io.cxtracker.domain.testing.TestUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgramSetupServiceTest {
    private InMemory store;
    private InMemoryAuditTrail audit;

    @BeforeEach
    void departments() {
        store = new InMemory();
        audit = new InMemoryAuditTrail();
        store.department("support");
        store.department("billing");
    }

    private ProgramSetupService as(CurrentUser user) {
        return new ProgramSetupService(store.programs, store.initiatives, store.departments, user, audit.recorder(user));
    }

    private MetricSetupService metricsAs(CurrentUser user) {
        return new MetricSetupService(store.metrics, store.departments, user, audit.recorder(user));
    }

    private TargetSetupService targetsAs(CurrentUser user) {
        return new TargetSetupService(store.targets, store.metrics, store.programs, store.departments, user, audit.recorder(user));
    }

    private ProgramSetupService admin() {
        return as(TestUser.programAdmin());
    }

    @Test
    void aProgramAdminSetsUpAProgramWithTheDefaultPhases() {
        ProgramSummary program = admin().createProgram(new NewProgram("CX Transformation 2026–2028", LocalDate.of(2026, 1, 1), null));
        assertEquals(List.of("Transform", "Optimize", "Sustain"), program.phases().stream().map(PhaseSummary::name).toList());
        assertEquals(List.of(program), admin().programs());

        AuditEntry entry = audit.last(1);
        assertEquals(List.of("program", String.valueOf(program.id()), "create", "ada"),
                List.of(entry.entityType(), entry.entityId(), entry.action(), entry.actor()));
        assertNull(entry.department(), "a program is program-wide");
        assertEquals("CX Transformation 2026–2028", entry.newValues().get("name"));
        assertEquals("2026-01-01", entry.newValues().get("start"));
        assertEquals("Transform 2026-01-01..2026-12-31", entry.newValues().get("phase.1"));
        assertEquals("Sustain 2028-01-01..2028-12-31", entry.newValues().get("phase.3"));
    }

    @Test
    void onlyProgramAdminsSetUp() {
        NewProgram command = new NewProgram("CX", LocalDate.of(2026, 1, 1), null);
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf("support")).createProgram(command));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.executive()).createProgram(command));
        assertThrows(AccessDeniedException.class, () -> metricsAs(TestUser.surveyTool()).defineMetric(
                new NewMetric("csat", "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, "support", ReportingFrequency.DAILY)));
        assertEquals(List.of(), store.programRows);
        assertEquals(0, audit.size(), "refused writes leave no audit record");
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

        assertEquals(3, audit.size(), "program, initiative, RACI change");
        AuditEntry created = audit.entries.get(1);
        assertEquals(List.of("initiative", String.valueOf(initiative.id()), "create", "billing"),
                List.of(created.entityType(), created.entityId(), created.action(), created.department()));
        assertEquals("2", created.newValues().get("phase"));
        assertEquals("CHANGE", created.newValues().get("pillar"));
        assertEquals("RESPONSIBLE", created.newValues().get("raci.support"));
        assertEquals("ACCOUNTABLE", created.newValues().get("raci.billing"));
        AuditEntry handed = audit.entries.get(2);
        assertEquals("assign-raci", handed.action());
        assertEquals("support", handed.department(), "filed under the new accountable department");
        assertEquals("billing", handed.oldValues().get("accountable"));
        assertEquals("support", handed.newValues().get("accountable"));
        assertEquals("RESPONSIBLE", handed.oldValues().get("raci.support"));
        assertEquals("ACCOUNTABLE", handed.newValues().get("raci.support"));
    }

    @Test
    void unknownPhasesAndDepartmentsAreNamedTogether() {
        long program = admin().createProgram(new NewProgram("CX", LocalDate.of(2026, 1, 1), null)).id();
        fields(() -> admin().createInitiative(new NewInitiative(program, 4, Pillar.LISTEN, " ", null, "legal",
                Map.of("Nope!", RaciRole.INFORMED))), "phaseNumber", "accountableDepartment", "raci.Nope!", "title");
        assertEquals(List.of("program"), audit.entries.stream().map(AuditEntry::entityType).toList());
    }

    @Test
    void aMetricKeyIsTakenOnce() {
        NewMetric csat = new NewMetric("csat", "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, "support",
                ReportingFrequency.DAILY);
        assertEquals("support", metricsAs(TestUser.programAdmin()).defineMetric(csat).ownerDepartment());
        assertThrows(AlreadyExistsException.class, () -> metricsAs(TestUser.programAdmin()).defineMetric(csat));
        fields(() -> metricsAs(TestUser.programAdmin()).defineMetric(new NewMetric("CSAT!", "", "%", null, Direction.HIGHER_IS_BETTER, "nobody", null)),
                "key", "ownerDepartment", "name", "kind", "expectedFrequency");

        AuditEntry entry = audit.last(1);
        assertEquals(List.of("metric", "csat", "create", "support"),
                List.of(entry.entityType(), entry.entityId(), entry.action(), entry.department()));
        assertEquals("CSAT", entry.newValues().get("kind"));
        assertEquals("HIGHER_IS_BETTER", entry.newValues().get("direction"));
        assertEquals("DAILY", entry.newValues().get("expectedFrequency"));
    }

    @Test
    void aTargetIsDueOnADateOrAtTheEndOfAPhase() {
        long program = admin().createProgram(new NewProgram("CX", LocalDate.of(2026, 1, 1), null)).id();
        metricsAs(TestUser.programAdmin()).defineMetric(new NewMetric("churn", "Churn", "%", MetricKind.RATIO, Direction.LOWER_IS_BETTER, "billing",
                ReportingFrequency.MONTHLY));

        TargetSummary byPhase = targetsAs(TestUser.programAdmin()).setTarget(new NewTarget("churn", null, 8.0, 5.0, null, program, 2, 0.5, 90));
        assertEquals(LocalDate.of(2027, 12, 31), byPhase.due());
        assertNull(byPhase.departmentCode());
        TargetSummary byDate = targetsAs(TestUser.programAdmin()).setTarget(new NewTarget("churn", "billing", 8.0, 6.0, LocalDate.of(2026, 6, 30), null,
                null, null, null));
        assertEquals("billing", byDate.departmentCode());
        assertEquals(2, targetsAs(TestUser.programAdmin()).targets("churn").size());

        fields(() -> targetsAs(TestUser.programAdmin()).setTarget(new NewTarget("churn", null, 8.0, 9.0, LocalDate.of(2026, 6, 30), program, 1, null, null)),
                "due", "targetValue");
        fields(() -> targetsAs(TestUser.programAdmin()).setTarget(new NewTarget("nps", null, 8.0, 9.0, LocalDate.of(2026, 6, 30), null, null, null, null)),
                "metricKey");

        assertEquals(List.of("program", "metric", "target", "target"), audit.entries.stream().map(AuditEntry::entityType).toList());
        AuditEntry programWide = audit.entries.get(2);
        assertEquals(String.valueOf(byPhase.id()), programWide.entityId());
        assertEquals("billing", programWide.department(), "a program-wide target is filed under its metric's owner");
        assertEquals("8.0", programWide.newValues().get("baseline"));
        assertEquals("5.0", programWide.newValues().get("targetValue"));
        assertEquals("2027-12-31", programWide.newValues().get("due"));
        assertEquals("90", programWide.newValues().get("windowDays"));
        assertNull(programWide.newValues().get("department"));
        assertEquals("billing", audit.entries.get(3).newValues().get("department"));
    }
}
