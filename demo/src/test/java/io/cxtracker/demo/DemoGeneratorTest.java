package io.cxtracker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.commitment.CommitmentState;
import io.cxtracker.demo.DemoPlan.DepartmentSpec;
import io.cxtracker.demo.DemoPlan.MilestoneSpec;
import io.cxtracker.demo.DemoPlan.SeriesSpec;
import io.cxtracker.demo.DemoPlan.TargetSpec;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.program.PhasePlan;
import io.cxtracker.domain.targets.Rag;
import io.cxtracker.domain.targets.RagEvaluation;
import io.cxtracker.domain.targets.TargetAttainment;
import io.cxtracker.domain.targets.TargetEvaluation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final DemoPlan DEMO = DemoGenerator.generate(DemoParameters.demo(TODAY));

    @Test
    void theSameParametersGiveTheSamePlanAndTheSameData() {
        DemoPlan again = DemoGenerator.generate(DemoParameters.demo(TODAY));
        assertEquals(DEMO, again);
        SeriesSpec series = DEMO.series().get(0);
        LocalDate day = LocalDate.of(2026, 6, 3);
        assertEquals(new DemoData(DEMO).surveyResponses(series, day), new DemoData(again).surveyResponses(series, day));
        assertEquals(new DemoData(DEMO).feedback(day), new DemoData(again).feedback(day));
    }

    @Test
    void anotherSeedGivesAnotherProgramOfTheSameShape() {
        DemoPlan other = DemoGenerator.generate(DemoParameters.demo(TODAY).withSeed(7));
        assertNotEquals(DEMO.milestones(), other.milestones());
        assertNotEquals(new DemoData(DEMO).surveyResponses(DEMO.series().get(0), LocalDate.of(2026, 6, 3)),
                new DemoData(other).surveyResponses(other.series().get(0), LocalDate.of(2026, 6, 3)));
        assertEquals(DEMO.departments(), other.departments());
        assertEquals(DEMO.milestones().size(), other.milestones().size());
    }

    @Test
    void aFirstLoadIn2031GivesAThreeYearProgramStartingThatYear() {
        // 2031-09-15 − 90 days = 2031-06-17: the program starts 2031-01-01 and its phases are whole years
        DemoPlan later = DemoGenerator.generate(DemoParameters.demo(LocalDate.of(2031, 9, 15)));
        assertEquals("CX Transformation 2031–2033", later.programName());
        assertEquals(LocalDate.of(2031, 1, 1), later.phases().get(0).start());
        assertEquals(LocalDate.of(2033, 12, 31), later.phases().get(2).end());
        assertEquals(LocalDate.of(2031, 9, 14), later.parameters().lastDataDay());
        assertTrue(later.series().stream().allMatch(s -> s.firstDay().equals(LocalDate.of(2031, 1, 1))));
    }

    @Test
    void aFirstLoadEarlyInAYearStartsTheProgramAYearBeforeForAQuarterOfHistory() {
        // 2031 is no leap year: 31 + 28 + 31 = 90, so 2031-03-31 − 90 days = 2030-12-31 and 2031-04-01 − 90 = 2031-01-01
        assertEquals(LocalDate.of(2030, 1, 1), DemoParameters.demo(LocalDate.of(2031, 2, 10)).programStart());
        assertEquals(LocalDate.of(2030, 1, 1), DemoParameters.demo(LocalDate.of(2031, 3, 31)).programStart());
        assertEquals(LocalDate.of(2031, 1, 1), DemoParameters.demo(LocalDate.of(2031, 4, 1)).programStart());
        assertEquals("CX Transformation 2030–2032", DemoParameters.demo(LocalDate.of(2031, 2, 10)).programName());
    }

    @Test
    void theDemoIsTheThreeYearProgramOfTheTenDepartments() {
        assertEquals("CX Transformation 2026–2028", DEMO.programName());
        assertEquals(List.of("Transform", "Optimize", "Sustain"), DEMO.phases().stream().map(PhasePlan::name).toList());
        assertEquals(LocalDate.of(2028, 12, 31), DEMO.phases().get(2).end());
        assertEquals(List.of("support", "sales", "marketing", "product", "engineering", "billing", "onboarding", "success",
                "operations", "people"), DEMO.departments().stream().map(DepartmentSpec::code).toList());
        assertEquals(List.of("nps", "csat", "ces", "fdr", "fcr", "churn"),
                DEMO.metrics().stream().map(DemoPlan.MetricSpec::key).toList());
        assertEquals(120, DEMO.milestones().size());
        assertEquals(24, DEMO.series().size());
        assertEquals(15, DEMO.commitments().size());
        // every pillar in every phase has initiatives
        Set<String> slots = DEMO.initiatives().stream().map(i -> i.phaseNumber() + "/" + i.pillar()).collect(Collectors.toSet());
        assertEquals(9, slots.size());
    }

    @Test
    void ownersAreTheLeadsOfTheDemoRealm() {
        Map<String, String> leads = DEMO.departments().stream().collect(Collectors.toMap(DepartmentSpec::code, DepartmentSpec::lead));
        assertEquals("lead-support", leads.get("support"));
        assertEquals("lead-marketing", leads.get("marketing"));
        assertEquals("lead-growth", leads.get("sales"));
        assertEquals("lead-growth", leads.get("success"));
        assertEquals(List.of("sales", "success"), DEMO.departmentsLedBy("lead-growth"));
        for (MilestoneSpec m : DEMO.milestones()) {
            assertEquals(leads.get(m.ownerDepartment()), m.ownerPerson(), m.title());
        }
    }

    @Test
    void milestonesAreDueInTheirPhaseAndCheckInsAreInThePastAndInOrder() {
        for (MilestoneSpec m : DEMO.milestones()) {
            PhasePlan phase = DEMO.phases().get(DEMO.initiatives().get(m.initiative()).phaseNumber() - 1);
            assertTrue(!m.due().isBefore(phase.start()) && !m.due().isAfter(phase.end()), m.title());
            for (int i = 0; i < m.checkIns().size(); i++) {
                assertTrue(m.checkIns().get(i).at().isBefore(TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
                if (i > 0) {
                    assertTrue(!m.checkIns().get(i).at().isBefore(m.checkIns().get(i - 1).at()), m.title());
                }
            }
        }
        long withCheckIns = DEMO.milestones().stream().filter(m -> !m.checkIns().isEmpty()).count();
        long linked = DEMO.milestones().stream().filter(m -> !m.targets().isEmpty()).count();
        assertTrue(withCheckIns > 20 && withCheckIns < 100, withCheckIns + " milestones with check-ins");
        assertTrue(linked >= 5, linked + " milestones linked to targets");
    }

    /** The tuned verdicts hold when the targets are evaluated, with the domain's rule, on the data the plan makes. */
    @Test
    void targetsAreMetOnTrackAtRiskOffTrackAndWithoutData() {
        DemoData data = new DemoData(DEMO);
        Map<String, Integer> kinds = new TreeMap<>();
        for (TargetSpec t : DEMO.targets()) {
            Map<LocalDate, MetricStatistics> daily = new TreeMap<>();
            for (SeriesSpec s : DEMO.series()) {
                if (s.metricKey().equals(t.metricKey()) && (t.departmentCode() == null || t.departmentCode().equals(s.departmentCode()))) {
                    for (LocalDate day = TODAY.minusDays(t.windowDays()); !day.isAfter(TODAY); day = day.plusDays(1)) {
                        MetricStatistics st = data.statistics(s, day);
                        if (!st.isEmpty()) {
                            daily.merge(day, st, MetricStatistics::merge);
                        }
                    }
                }
            }
            List<SeriesPoint> points = new ArrayList<>();
            daily.forEach((day, st) -> points.add(new SeriesPoint(day, st)));
            var direction = DEMO.metrics().stream().filter(m -> m.key().equals(t.metricKey())).findFirst().orElseThrow().direction();
            TargetEvaluation evaluation = new RagEvaluation(new TargetAttainment(t.baseline(), t.targetValue(), direction),
                    t.due(), t.amberTolerance(), t.windowDays()).evaluate(points, TODAY);
            assertEquals(t.expectedRag(), evaluation.rag(), t + ": " + evaluation.reason());
            assertEquals(t.expectedMet(), evaluation.met(), t.toString());
            kinds.merge(t.expectedMet() ? "MET" : t.expectedRag().name(), 1, Integer::sum);
        }
        assertTrue(kinds.getOrDefault("MET", 0) >= 3, kinds.toString());
        assertTrue(kinds.getOrDefault("GREEN", 0) >= 1, kinds.toString());
        assertTrue(kinds.getOrDefault("AMBER", 0) >= 3, kinds.toString());
        assertTrue(kinds.getOrDefault("RED", 0) >= 3, kinds.toString());
        assertTrue(kinds.getOrDefault("NO_DATA", 0) >= 2, kinds.toString());
    }

    @Test
    void commitmentsTakeEveryStateAndAnswerThemesCustomersMention() {
        Set<String> themes = DEMO.themes().stream().map(DemoPlan.ThemeSpec::theme).collect(Collectors.toSet());
        Map<String, Integer> finalStates = new TreeMap<>();
        for (DemoPlan.CommitmentSpec c : DEMO.commitments()) {
            assertTrue(themes.contains(c.theme()));
            String state = c.moves().isEmpty() ? "PROPOSED" : c.moves().getLast().state();
            finalStates.merge(state, 1, Integer::sum);
            assertTrue(!c.due().isBefore(c.createdAt().atOffset(java.time.ZoneOffset.UTC).toLocalDate()), c.title());
        }
        for (CommitmentState state : CommitmentState.values()) {
            assertTrue(finalStates.containsKey(state.name()), finalStates.toString());
        }
    }

    @Test
    void assessmentsShowEveryLevelOfMaturityAndADepartmentNeverAssessed() {
        Map<String, io.cxtracker.domain.assessment.MaturityLevel> latest = new TreeMap<>();
        for (DemoPlan.AssessmentSpec a : DEMO.assessments()) {
            latest.put(a.departmentCode(), io.cxtracker.domain.assessment.MaturityScoring.score(a.answers()).level());
        }
        assertEquals(9, latest.size());
        assertTrue(!latest.containsKey("people"));
        Set<io.cxtracker.domain.assessment.MaturityLevel> levels = new HashSet<>(latest.values());
        assertTrue(levels.size() >= 3, latest.toString());
        // quarterly: March, June, September 2026
        assertEquals(27, DEMO.assessments().size());
    }

    @Test
    void theBenchmarkIsRealisticScale() {
        long started = System.nanoTime();
        DemoPlan plan = DemoGenerator.generate(DemoParameters.benchmark(TODAY));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(50, plan.departments().size());
        assertEquals(2000, plan.milestones().size());
        assertEquals(200, plan.series().size());
        assertEquals(200, plan.series().stream().map(s -> s.metricKey() + "/" + s.departmentCode()).distinct().count());
        SeriesSpec first = plan.series().get(0);
        assertEquals(TODAY.minusYears(3), first.firstDay());
        assertTrue(java.time.temporal.ChronoUnit.DAYS.between(first.firstDay(), first.lastDay()) >= 3 * 365 - 2);
        assertEquals(false, plan.parameters().surveysAsResponses());
        Map<Rag, Integer> rags = new EnumMap<>(Rag.class);
        plan.targets().forEach(t -> rags.merge(t.expectedRag(), 1, Integer::sum));
        assertTrue(rags.keySet().containsAll(List.of(Rag.GREEN, Rag.AMBER, Rag.RED, Rag.NO_DATA)), rags.toString());
        System.out.println("[demo] benchmark plan generated in " + millis + " ms: " + plan.targets().size() + " targets " + rags);
    }
}
