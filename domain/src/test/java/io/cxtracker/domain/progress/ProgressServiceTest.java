package io.cxtracker.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.Rag;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.testing.InMemory;
import io.cxtracker.domain.testing.Violated;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Today is 1 April 2026. Support's CSAT has sat at 75 % for a month, billing's at 79 %; both targets go
 * from 70 to 80 by 30 June with an amber tolerance of 2 points, so the flat trends forecast 75 (5 short:
 * red) and 79 (1 short: amber).
 */
class ProgressServiceTest {
    private static final Clock APRIL_1 = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    private InMemory store;
    private Program program;
    private Milestone offTrack;
    private Milestone atRisk;
    private Milestone missed;
    private Milestone doneLate;
    private Milestone overdue;

    @BeforeEach
    void plan() {
        store = new InMemory();
        Department support = store.department("support");
        Department billing = store.department("billing");
        program = Program.withDefaultPhases("CX 2026–2028", LocalDate.of(2026, 1, 1));
        store.programs.add(program);
        Initiative measure = initiative(Pillar.MEASURE, support);
        Initiative listen = initiative(Pillar.LISTEN, billing);
        Metric csat = new Metric(new MetricKey("csat"), "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support,
                ReportingFrequency.DAILY);
        store.metrics.add(csat);
        Target supportCsat = target(csat, support);
        Target billingCsat = target(csat, billing);
        List<Reading> readings = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 3, 1); !day.isAfter(LocalDate.of(2026, 3, 31)); day = day.plusDays(1)) {
            readings.add(new Reading(csat, day, support, null, new CsatStatistics(75, 100), "survey", "s" + day, APRIL_1.instant()));
            readings.add(new Reading(csat, day, billing, null, new CsatStatistics(79, 100), "survey", "b" + day, APRIL_1.instant()));
        }
        store.readings.addAllIfAbsent(readings);

        offTrack = milestone(measure, support, JUNE_30, 3.0);
        offTrack.linkTarget(supportCsat);
        atRisk = milestone(listen, billing, JUNE_30, null);
        atRisk.linkTarget(billingCsat);
        missed = milestone(measure, support, LocalDate.of(2026, 3, 31), null);
        missed.linkTarget(supportCsat);
        doneLate = milestone(listen, billing, LocalDate.of(2026, 3, 15), null);
        doneLate.checkIn(CheckInStatus.DONE, 100, "finished a week late", null, "bob", Instant.parse("2026-03-22T10:00:00Z"));
        overdue = milestone(listen, billing, LocalDate.of(2026, 2, 28), null);
    }

    private Initiative initiative(Pillar pillar, Department accountable) {
        Initiative initiative = new Initiative(program.phase(1).orElseThrow(), pillar, pillar.title(), null, accountable, Map.of());
        store.initiatives.add(initiative);
        return initiative;
    }

    private Target target(Metric metric, Department scope) {
        Target target = new Target(metric, scope, 70.0, 80.0, JUNE_30, 2.0, 30);
        store.targets.add(target);
        return target;
    }

    private Milestone milestone(Initiative initiative, Department owner, LocalDate due, Double weight) {
        Milestone milestone = new Milestone(initiative, "Milestone due " + due, null, owner, "alice", due, null, weight);
        store.milestones.add(milestone);
        return milestone;
    }

    private ProgressService service() {
        return new ProgressService(store.progress, store.programs, store.milestones, store.targets, store.series, APRIL_1, store.approvals,
                io.cxtracker.domain.security.TestUsers.executive());
    }

    @Test
    void aLinkedMilestoneTakesItsStatusFromTheForecastOfItsTargets() {
        MilestoneStatusView red = service().milestoneStatus(offTrack.id());
        assertEquals(MilestoneStatus.OFF_TRACK, red.status());
        TargetStatusView target = red.targets().get(0);
        assertEquals(Rag.RED, target.evaluation().rag());
        assertEquals(75.0, target.evaluation().current().getAsDouble(), 1e-9);
        assertEquals(75.0, target.evaluation().forecast().getAsDouble(), 1e-9);
        assertTrue(target.evaluation().reason().contains("5.0 below target 80.0"), target.evaluation().reason());

        assertEquals(MilestoneStatus.AT_RISK, service().milestoneStatus(atRisk.id()).status());
    }

    @Test
    void aPastDueMilestoneIsJudgedByItsTargetsOnTheDueDate() {
        MilestoneStatusView view = service().milestoneStatus(missed.id());
        assertEquals(MilestoneStatus.MISSED, view.status());
        assertEquals(LocalDate.of(2026, 3, 31), view.targets().get(0).evaluatedAsOf());
    }

    @Test
    void unlinkedMilestonesTakeTheirStatusFromCheckInsAndTheCalendar() {
        assertEquals(MilestoneStatus.DONE, service().milestoneStatus(doneLate.id()).status());
        assertEquals(MilestoneStatus.OVERDUE, service().milestoneStatus(overdue.id()).status());
    }

    @Test
    void anOverrideIsShownWithTheDerivedStatusBesideIt() {
        offTrack.overrideStatus(MilestoneStatus.ON_TRACK, "new survey vendor from May", "carol", APRIL_1.instant());
        MilestoneStatusView view = service().milestoneStatus(offTrack.id());
        assertEquals(MilestoneStatus.ON_TRACK, view.status());
        assertEquals(MilestoneStatus.OFF_TRACK, view.derived());
        assertTrue(view.isOverridden());
    }

    @Test
    void theProgramRollsUpByWeightAndCountsEveryStatus() {
        ProgramProgress progress = service().programProgress(program.id());

        RollUpResult whole = progress.program();
        assertEquals(5, whole.itemCount());
        assertEquals(1, whole.count(MilestoneStatus.OFF_TRACK));
        assertEquals(1, whole.count(MilestoneStatus.AT_RISK));
        assertEquals(1, whole.count(MilestoneStatus.MISSED));
        assertEquals(1, whole.count(MilestoneStatus.DONE));
        assertEquals(1, whole.count(MilestoneStatus.OVERDUE));
        // weights 3 + 1 + 1 + 1 + 1; red: off track (3), missed (1), overdue (1)
        assertEquals(7.0, whole.totalWeight(), 1e-12);
        assertEquals(5.0 / 7.0, whole.redShare(), 1e-12);
        assertEquals(Rag.RED, whole.rag());

        assertEquals(List.of("billing", "support"), progress.byDepartment().stream().map(GroupProgress::key).toList());
        // billing: one red of three equal weights is not more than a third
        assertEquals(List.of(Rag.AMBER, Rag.RED), progress.byDepartment().stream().map(g -> g.rollUp().rag()).toList());
        assertEquals(List.of(Rag.AMBER, Rag.RED, Rag.NO_DATA), progress.byPillar().stream().map(g -> g.rollUp().rag()).toList());
        assertEquals(List.of(5L, 0L, 0L), progress.byPhase().stream().map(g -> g.rollUp().itemCount()).toList());
        // the heat map's cells: the same roll-up as each department's own view, from one evaluation of the program
        assertEquals(java.util.Set.of("billing", "support"), progress.pillarsByDepartment().keySet());
        for (String code : List.of("billing", "support")) {
            assertEquals(service().departmentProgress(code, program.id()).byPillar(), progress.pillarsByDepartment().get(code));
        }
        assertEquals(List.of(3L, 0L, 0L), progress.pillarsByDepartment().get("billing").stream().map(g -> g.rollUp().itemCount()).toList());
        assertEquals(List.of(Rag.AMBER, Rag.NO_DATA, Rag.NO_DATA),
                progress.pillarsByDepartment().get("billing").stream().map(g -> g.rollUp().rag()).toList());
        assertEquals(List.of("Transform", "Optimize", "Sustain"), progress.byPhase().stream().map(GroupProgress::label).toList());

        assertEquals(List.of(overdue.id(), missed.id(), offTrack.id(), atRisk.id()),
                progress.attention().stream().map(MilestoneStatusView::milestoneId).toList());
    }

    @Test
    void aMilestoneListIsFilteredByThePlanAndPagedWithItsTotal() {
        PageRequest firstTwo = new PageRequest(0, 2, "due", true);
        Page<MilestoneStatusView> billing = service().milestones(
                new MilestoneFilter(null, null, new DepartmentCode("billing"), null, null, Set.of(), null, null), firstTwo);
        assertEquals(3, billing.total());
        assertEquals(List.of(overdue.id(), doneLate.id()), billing.items().stream().map(MilestoneStatusView::milestoneId).toList());
        assertEquals(List.of(MilestoneStatus.OVERDUE, MilestoneStatus.DONE),
                billing.items().stream().map(MilestoneStatusView::status).toList());

        Page<MilestoneStatusView> march = service().milestones(new MilestoneFilter(program.id(), null, null, null, 1, Set.of(),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), PageRequest.first(50));
        assertEquals(List.of(doneLate.id(), missed.id()), march.items().stream().map(MilestoneStatusView::milestoneId).toList());

        Page<MilestoneStatusView> measure = service().milestones(
                new MilestoneFilter(null, null, null, Pillar.MEASURE, null, Set.of(), null, null), PageRequest.first(50));
        assertEquals(List.of(missed.id(), offTrack.id()), measure.items().stream().map(MilestoneStatusView::milestoneId).toList());
    }

    @Test
    void aStatusFilterEvaluatesEveryCandidateSoTheTotalIsExact() {
        MilestoneFilter red = new MilestoneFilter(null, null, null, null, null,
                Set.of(MilestoneStatus.OFF_TRACK, MilestoneStatus.MISSED, MilestoneStatus.OVERDUE), null, null);
        Page<MilestoneStatusView> all = service().milestones(red, PageRequest.first(50));
        assertEquals(3, all.total());
        assertEquals(List.of(overdue.id(), missed.id(), offTrack.id()),
                all.items().stream().map(MilestoneStatusView::milestoneId).toList());

        Page<MilestoneStatusView> second = service().milestones(red, new PageRequest(1, 1, "due", true));
        assertEquals(3, second.total());
        assertEquals(List.of(missed.id()), second.items().stream().map(MilestoneStatusView::milestoneId).toList());
        assertEquals(0, service().milestones(red, new PageRequest(9, 1, "due", true)).items().size());
    }

    @Test
    void aListFilterRefusesAnImpossibleDueRange() {
        Violated.fields(() -> new MilestoneFilter(null, null, null, null, 0, Set.of(), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 4, 1)), "phase", "dueBefore");
    }

    @Test
    void aDepartmentSeesWhatItOwnsRolledUpWithWhatNeedsAttention() {
        DepartmentProgress billing = service().departmentProgress("billing", null);
        assertEquals(3, billing.overall().itemCount());
        assertEquals(1, billing.overall().count(MilestoneStatus.AT_RISK));
        assertEquals(1, billing.overall().count(MilestoneStatus.DONE));
        assertEquals(1, billing.overall().count(MilestoneStatus.OVERDUE));
        // one red of three equal weights is not more than a third
        assertEquals(Rag.AMBER, billing.overall().rag());
        assertEquals(List.of(3L, 0L, 0L), billing.byPillar().stream().map(g -> g.rollUp().itemCount()).toList());
        assertEquals(List.of("Transform"), billing.byPhase().stream().map(GroupProgress::label).toList());
        assertEquals(List.of(overdue.id(), doneLate.id(), atRisk.id()),
                billing.milestones().stream().map(MilestoneStatusView::milestoneId).toList());
        assertEquals(List.of(overdue.id(), atRisk.id()), billing.attention().stream().map(MilestoneStatusView::milestoneId).toList());
        // in the milestone list's "due" order with the same statuses: the department view shows its grid's first page from it
        assertEquals(service().milestones(MilestoneFilter.ofDepartment(new DepartmentCode("billing"), null),
                new PageRequest(0, 100, "due", true)).items(), billing.milestones());

        assertEquals(0, service().departmentProgress("legal", program.id()).overall().itemCount());
        assertEquals(Rag.NO_DATA, service().departmentProgress("legal", null).overall().rag());
        assertThrows(NotFoundException.class, () -> service().departmentProgress("billing", 999_999L));
        assertThrows(NotFoundException.class, () -> service().departmentProgress("Not A Code", null));
    }
}
