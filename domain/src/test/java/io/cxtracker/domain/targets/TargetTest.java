package io.cxtracker.domain.targets;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.metric.SeriesPoint;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {
    private static final LocalDate DUE = LocalDate.of(2026, 6, 30);
    private final Department support = new Department(new DepartmentCode("support"), "Support", null);

    private Metric metric(String key, MetricKind kind, Direction direction) {
        return new Metric(new MetricKey(key), key, "%", kind, direction, support, ReportingFrequency.DAILY);
    }

    @Test
    void aLowerIsBetterTargetSitsBelowItsBaseline() {
        Metric churn = metric("churn", MetricKind.RATIO, Direction.LOWER_IS_BETTER);
        Target target = new Target(churn, null, 8.0, 5.0, DUE, 0.5, 90);
        // churn at 6.5 % has come half way from 8 to 5
        assertEquals(0.5, target.attainment().progress(6.5), 1e-12);
        fields(() -> new Target(churn, null, 8.0, 9.0, DUE, null, null), "targetValue");
    }

    @Test
    void valuesStayInsideTheRangeOfTheMetricsKind() {
        fields(() -> new Target(metric("nps", MetricKind.NPS, Direction.HIGHER_IS_BETTER), null, -120.0, 120.0, DUE, null, null),
                "baseline", "targetValue");
        fields(() -> new Target(metric("csat", MetricKind.CSAT, Direction.HIGHER_IS_BETTER), null, -1.0, 80.0, DUE, null, null),
                "baseline");
        new Target(metric("nps", MetricKind.NPS, Direction.HIGHER_IS_BETTER), null, -20.0, 10.0, DUE, null, null);
        new Target(metric("clv", MetricKind.GAUGE, Direction.HIGHER_IS_BETTER), null, 1200.0, 1500.0, DUE, null, null);
    }

    @Test
    void theWindowAndToleranceHaveDefaultsAndLimits() {
        Metric csat = metric("csat", MetricKind.CSAT, Direction.HIGHER_IS_BETTER);
        Target target = new Target(csat, support, 70.0, 80.0, DUE, null, null);
        assertEquals(Target.DEFAULT_WINDOW_DAYS, target.windowDays());
        assertEquals(0.0, target.amberTolerance());
        assertEquals(new DateRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1)), target.windowEndingOn(LocalDate.of(2026, 4, 1)));
        fields(() -> new Target(csat, null, null, 80.0, null, -1.0, 0), "baseline", "due", "amberTolerance", "windowDays");
        fields(() -> new Target(csat, null, 80.0, 80.0, DUE, null, 367), "targetValue", "windowDays");
    }

    @Test
    void aTargetIsEvaluatedByTheRagRuleOverItsWindow() {
        Target target = new Target(metric("csat", MetricKind.CSAT, Direction.HIGHER_IS_BETTER), null, 70.0, 80.0, DUE, 2.0, 7);
        List<SeriesPoint> series = List.of(
                new SeriesPoint(LocalDate.of(2026, 3, 30), new CsatStatistics(41, 50)),
                new SeriesPoint(LocalDate.of(2026, 3, 31), new CsatStatistics(40, 50)));
        TargetEvaluation evaluation = target.evaluate(series, LocalDate.of(2026, 4, 1));
        // 81 of 100 satisfied = 81 ≥ 80
        assertEquals(Rag.GREEN, evaluation.rag());
        assertTrue(evaluation.met());
        assertEquals(81.0, evaluation.current().getAsDouble(), 1e-12);
        assertEquals(Rag.NO_DATA, target.evaluate(series, LocalDate.of(2026, 4, 30)).rag());
    }
}
