package io.cxtracker.persistence.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.demo.DemoActor;
import io.cxtracker.demo.DemoClock;
import io.cxtracker.demo.DemoData;
import io.cxtracker.demo.DemoGenerator;
import io.cxtracker.demo.DemoLoader;
import io.cxtracker.demo.DemoParameters;
import io.cxtracker.demo.DemoPlan;
import io.cxtracker.demo.DemoPlan.SeriesSpec;
import io.cxtracker.demo.DemoPlan.TargetSpec;
import io.cxtracker.demo.DemoServices;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetEvaluation;
import io.cxtracker.persistence.metric.JpaMetricRepository;
import io.cxtracker.persistence.metric.JpaMetricSeriesRepository;
import io.cxtracker.persistence.support.DemoWiring;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A small demo program loaded through the use-case services into PostgreSQL: what the plan says is what
 * is stored, the tuned target verdicts hold on the stored data, and the program is found so it is never
 * loaded twice.
 */
@ExtendWith(PostgresExtension.class)
class DemoLoaderOverPostgresTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Test
    void theLoadedProgramIsThePlanAndItsVerdictsHold(TestDatabase db) {
        DemoParameters parameters = new DemoParameters(42, AS_OF, LocalDate.of(2025, 1, 1), 3, 10, 40, 24, 4, true, 3, 8);
        DemoPlan plan = DemoGenerator.generate(parameters);
        DemoActor actor = new DemoActor();
        DemoClock clock = new DemoClock(Clock.systemUTC());
        DemoServices services = DemoWiring.services(db, actor, clock);

        DemoLoader.Summary summary = new DemoLoader(services, actor, clock, step -> { }).load(plan);

        DemoData data = new DemoData(plan);
        long answers = 0;
        long readings = 0;
        for (LocalDate day = parameters.programStart(); !day.isAfter(parameters.lastDataDay()); day = day.plusDays(1)) {
            for (SeriesSpec s : plan.series()) {
                if (data.isSurvey(s)) {
                    answers += data.surveyResponses(s, day).size();
                } else if (data.reading(s, day) != null) {
                    readings++;
                }
            }
        }
        assertEquals(0, summary.rejected());
        assertEquals(answers, summary.surveyResponses());
        assertEquals(readings, summary.readings());
        assertEquals(40, summary.milestones());
        assertEquals(8, summary.commitments());
        assertEquals(plan.assessments().size(), summary.assessments());
        assertEquals(plan.targets().size(), summary.targets());
        assertEquals(answers, db.number("SELECT count(*) FROM survey_response WHERE source = 'qualtrics' AND idempotency_key LIKE 'demo-%'"
                + " AND day <= DATE '" + AS_OF + "'"));
        assertEquals(summary.checkIns(), plan.milestones().stream().mapToInt(m -> m.checkIns().size()).sum());
        assertEquals(1, db.number("SELECT count(*) FROM program WHERE name = '" + plan.programName() + "'"));

        // every department target reads on the stored data as the plan tuned it
        int checked = 0;
        for (TargetSpec t : plan.targets()) {
            if (t.departmentCode() == null) {
                continue;
            }
            TargetEvaluation evaluation = db.inTransaction(em -> {
                Metric metric = new JpaMetricRepository(em).findByKey(new MetricKey(t.metricKey())).orElseThrow();
                Department department = em.createQuery("select d from Department d where d.code = :code", Department.class)
                        .setParameter("code", t.departmentCode()).getSingleResult();
                Target target = new Target(metric, department, t.baseline(), t.targetValue(), t.due(), t.amberTolerance(),
                        t.windowDays());
                SeriesScope scope = new SeriesScope(metric, department, new DateRange(AS_OF.minusDays(t.windowDays()), AS_OF));
                return target.evaluate(new JpaMetricSeriesRepository(em).daily(List.of(scope)).get(scope), AS_OF);
            });
            assertEquals(t.expectedRag(), evaluation.rag(), t + ": " + evaluation.reason());
            checked++;
        }
        assertTrue(checked >= 20, checked + " department targets checked");

        // never twice: the program is found by its name
        assertEquals(summary.programId(), services.transactions()
                .inTransaction(() -> DemoLoader.existingProgram(services, plan.programName())).orElseThrow());
    }
}
