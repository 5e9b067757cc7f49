package io.cxtracker.domain.setup;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.targets.TargetSetupService;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeRevision;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.NewTarget;
import io.cxtracker.domain.targets.TargetRevision;
import io.cxtracker.domain.targets.TargetSummary;
import io.cxtracker.domain.testing.InMemory;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import io.cxtracker.domain.testing.TestUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revising what was set up, always naming the version the caller saw; and reading it back in pages. */
class ProgramSetupRevisionTest {
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

    private ProgramSummary program(String name, int year) {
        return admin().createProgram(new NewProgram(name, LocalDate.of(year, 1, 1), null));
    }

    @Test
    void aProgramIsRenamedOnlyFromItsCurrentVersion() {
        ProgramSummary program = program("CX 2026", 2026);
        ProgramSummary renamed = admin().renameProgram(program.id(), 0, "CX Transformation 2026–2028");
        assertEquals("CX Transformation 2026–2028", renamed.name());
        assertEquals(1, renamed.version());

        assertThrows(ConcurrentUpdateException.class, () -> admin().renameProgram(program.id(), 0, "Stale"));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf("support")).renameProgram(program.id(), 1, "Mine"));
        fields(() -> admin().renameProgram(program.id(), 1, "  "), "name");
        assertThrows(NotFoundException.class, () -> admin().renameProgram(999_999, 0, "Nobody"));
        assertEquals("CX Transformation 2026–2028", admin().getProgram(program.id()).name());
    }

    @Test
    void programsArePagedNewestStartFirstUnlessSorted() {
        ProgramSummary older = program("Alpha", 2024);
        ProgramSummary newer = program("Beta", 2026);
        store.programRows.sort((a, b) -> b.start().compareTo(a.start()));
        var page = admin().programs(new PageRequest(0, 1, null, true));
        assertEquals(2, page.total());
        assertEquals(List.of(newer.id()), page.items().stream().map(ProgramSummary::id).toList());
        assertEquals(List.of(older.id(), newer.id()),
                admin().programs(new PageRequest(0, 5, "name", true)).items().stream().map(ProgramSummary::id).toList());
        fields(() -> admin().programs(new PageRequest(0, 5, "budget", true)), "sort");
    }

    @Test
    void anInitiativeIsRevisedAndMovedToAnotherPhase() {
        long program = program("CX", 2026).id();
        InitiativeSummary initiative = admin().createInitiative(new NewInitiative(program, 1, Pillar.LISTEN,
                "Hear billing customers", null, "billing", Map.of("support", RaciRole.CONSULTED)));
        InitiativeSummary revised = admin().reviseInitiative(initiative.id(), initiative.version(),
                new InitiativeRevision("Hear every customer", "surveys after each contact", Pillar.MEASURE, 2));
        assertEquals(List.of("Hear every customer", "surveys after each contact", "MEASURE", "2", "Optimize"),
                List.of(revised.title(), revised.description(), revised.pillar().name(), String.valueOf(revised.phaseNumber()),
                        revised.phaseName()));
        assertEquals(1, revised.version());

        fields(() -> admin().reviseInitiative(initiative.id(), 1, new InitiativeRevision(" ", null, null, 4)),
                "phaseNumber", "title", "pillar");
        assertThrows(ConcurrentUpdateException.class, () -> admin().reviseInitiative(initiative.id(), 0,
                new InitiativeRevision("x", null, Pillar.LISTEN, 1)));
        assertEquals("Hear every customer", admin().getInitiative(initiative.id()).title());
    }

    @Test
    void initiativesAreFilteredByAnyRaciRole() {
        long program = program("CX", 2026).id();
        InitiativeSummary billingOwned = admin().createInitiative(new NewInitiative(program, 1, Pillar.LISTEN, "A", null,
                "billing", Map.of("support", RaciRole.INFORMED)));
        InitiativeSummary supportOwned = admin().createInitiative(new NewInitiative(program, 2, Pillar.CHANGE, "B", null,
                "support", null));
        var support = admin().initiatives(new InitiativeFilter(program, new DepartmentCode("support"), null, null),
                PageRequest.first(10));
        assertEquals(List.of(billingOwned.id(), supportOwned.id()), support.items().stream().map(InitiativeSummary::id).toList());
        var change = admin().initiatives(new InitiativeFilter(null, null, Pillar.CHANGE, 2), PageRequest.first(10));
        assertEquals(List.of(supportOwned.id()), change.items().stream().map(InitiativeSummary::id).toList());
        fields(() -> new InitiativeFilter(null, null, null, 0), "phase");
    }

    @Test
    void aTargetIsRevisedFromItsCurrentVersion() {
        metricsAs(TestUser.programAdmin()).defineMetric(new NewMetric("csat", "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, "support",
                ReportingFrequency.DAILY));
        TargetSummary target = targetsAs(TestUser.programAdmin()).setTarget(new NewTarget("csat", "support", 70.0, 80.0, LocalDate.of(2026, 6, 30),
                null, null, 2.0, 30));
        TargetSummary revised = targetsAs(TestUser.programAdmin()).reviseTarget(target.id(), 0, new TargetRevision(72.0, 85.0, LocalDate.of(2026, 9, 30),
                null, null));
        assertEquals(List.of(72.0, 85.0, 0.0), List.of(revised.baseline(), revised.targetValue(), revised.amberTolerance()));
        assertEquals(30, revised.windowDays());
        assertEquals(1, revised.version());

        fields(() -> targetsAs(TestUser.programAdmin()).reviseTarget(target.id(), 1, new TargetRevision(72.0, 120.0, null, -1.0, 0)),
                "targetValue", "due", "amberTolerance", "windowDays");
        assertThrows(ConcurrentUpdateException.class, () -> targetsAs(TestUser.programAdmin()).reviseTarget(target.id(), 0,
                new TargetRevision(72.0, 85.0, LocalDate.of(2026, 9, 30), null, null)));
        assertThrows(AccessDeniedException.class, () -> targetsAs(TestUser.executive()).reviseTarget(target.id(), 1,
                new TargetRevision(72.0, 85.0, LocalDate.of(2026, 9, 30), null, null)));
        assertThrows(NotFoundException.class, () -> targetsAs(TestUser.programAdmin()).reviseTarget(999_999, 0,
                new TargetRevision(72.0, 85.0, LocalDate.of(2026, 9, 30), null, null)));
    }

    @Test
    void aMetricIsReadByItsKey() {
        metricsAs(TestUser.programAdmin()).defineMetric(new NewMetric("csat", "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, "support",
                ReportingFrequency.DAILY));
        assertEquals("CSAT", metricsAs(TestUser.programAdmin()).getMetric("csat").name());
        assertThrows(NotFoundException.class, () -> metricsAs(TestUser.programAdmin()).getMetric("nps"));
        assertThrows(NotFoundException.class, () -> metricsAs(TestUser.programAdmin()).getMetric("Not A Key"));
    }
}
