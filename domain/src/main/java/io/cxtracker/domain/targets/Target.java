package io.cxtracker.domain.targets;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.shared.Violations;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * Where a metric must get to, and by when: for the whole company or one department, from a baseline to
 * a target value by a due date, judged over a trailing window with an amber tolerance. The rules live
 * in {@link TargetAttainment} and {@link RagEvaluation}; the target holds their parameters.
 */
@Entity
@Table(name = "target")
public class Target {
    public static final int DEFAULT_WINDOW_DAYS = 30;
    public static final int MAX_WINDOW_DAYS = 366;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "metric_id", nullable = false, updatable = false)
    private Metric metric;

    /** Null: the metric across the whole company. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id", updatable = false)
    private Department department;

    @Column(name = "baseline", nullable = false)
    private double baseline;

    @Column(name = "target_value", nullable = false)
    private double targetValue;

    @Column(name = "due_date", nullable = false)
    private LocalDate due;

    @Column(name = "amber_tolerance", nullable = false)
    private double amberTolerance;

    @Column(name = "window_days", nullable = false)
    private int windowDays;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Target() {
        // for JPA
    }

    /**
     * @param department null for the metric across the company
     * @param amberTolerance null for 0 (amber only when the forecast meets the target exactly)
     * @param windowDays null for {@value #DEFAULT_WINDOW_DAYS}
     * @throws io.cxtracker.domain.shared.InvalidInputException naming every bad field
     */
    public Target(Metric metric, Department department, Double baseline, Double targetValue, LocalDate due,
            Double amberTolerance, Integer windowDays) {
        Objects.requireNonNull(metric, "metric");
        this.metric = metric;
        this.department = department;
        plan(baseline, targetValue, due, amberTolerance, windowDays);
    }

    /** Changes the numbers or the date; the metric and the scope stay. */
    public void revise(Double newBaseline, Double newTargetValue, LocalDate newDue, Double newAmberTolerance,
            Integer newWindowDays) {
        plan(newBaseline, newTargetValue, newDue, newAmberTolerance, newWindowDays);
    }

    private void plan(Double baseline, Double targetValue, LocalDate due, Double amberTolerance, Integer windowDays) {
        Violations violations = new Violations();
        boolean numbers = value(violations, "baseline", baseline) & value(violations, "targetValue", targetValue);
        if (numbers) {
            try {
                new TargetAttainment(baseline, targetValue, metric.direction());
            } catch (IllegalArgumentException wrongSide) {
                violations.add("targetValue", wrongSide.getMessage());
            }
        }
        violations.required("due", due);
        double tolerance = amberTolerance == null ? 0 : amberTolerance;
        violations.check(Double.isFinite(tolerance) && tolerance >= 0, "amberTolerance", "must be zero or more");
        int window = windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays;
        violations.check(window >= 1 && window <= MAX_WINDOW_DAYS, "windowDays", "must be between 1 and " + MAX_WINDOW_DAYS);
        violations.throwIfAny();
        this.baseline = baseline;
        this.targetValue = targetValue;
        this.due = due;
        this.amberTolerance = tolerance;
        this.windowDays = window;
    }

    /** A finite number inside the range the metric's kind can take (percentages 0–100, NPS −100–100). */
    private boolean value(Violations violations, String field, Double value) {
        if (value == null) {
            violations.add(field, "must be given");
            return false;
        }
        if (!Double.isFinite(value)) {
            violations.add(field, "must be a finite number");
            return false;
        }
        MetricKind kind = metric.kind();
        double lowest = kind == MetricKind.NPS ? -100 : 0;
        boolean bounded = kind == MetricKind.NPS || kind == MetricKind.CSAT || kind == MetricKind.RATIO;
        if (bounded && (value < lowest || value > 100)) {
            violations.add(field, "must be between " + (int) lowest + " and 100 for a " + kind + " metric");
            return false;
        }
        return true;
    }

    /**
     * A detached copy with the numbers of an earlier revision (for reads as of a past instant): same id,
     * metric and scope, never managed, so evaluating it cannot write anything.
     */
    public Target revisedAs(double pastBaseline, double pastTargetValue, LocalDate pastDue, double pastAmberTolerance,
            int pastWindowDays) {
        Target copy = new Target();
        copy.id = id;
        copy.metric = metric;
        copy.department = department;
        copy.version = version;
        copy.baseline = pastBaseline;
        copy.targetValue = pastTargetValue;
        copy.due = pastDue;
        copy.amberTolerance = pastAmberTolerance;
        copy.windowDays = pastWindowDays;
        return copy;
    }

    /**
     * Whether this target is set for exactly this scope: a department's code, or null (or blank) for the
     * whole company.
     */
    public boolean isSetFor(String departmentCode) {
        String scope = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip();
        return Objects.equals(scope, department == null ? null : department.code().value());
    }

    /** How far a value has come from the baseline towards the target. */
    public TargetAttainment attainment() {
        return new TargetAttainment(baseline, targetValue, metric.direction());
    }

    public RagEvaluation ragEvaluation() {
        return new RagEvaluation(attainment(), due, amberTolerance, windowDays);
    }

    /** The target's verdict today, from its metric's daily series (at least the window before today). */
    public TargetEvaluation evaluate(Collection<SeriesPoint> series, Clock clock) {
        return ragEvaluation().evaluate(series, clock);
    }

    /** The target's verdict as it stood on {@code asOf}. */
    public TargetEvaluation evaluate(Collection<SeriesPoint> series, LocalDate asOf) {
        return ragEvaluation().evaluate(series, asOf);
    }

    /** The days whose readings an evaluation as of {@code asOf} looks at. */
    public DateRange windowEndingOn(LocalDate asOf) {
        return DateRange.trailing(asOf, windowDays);
    }

    public Long id() {
        return id;
    }

    public Metric metric() {
        return metric;
    }

    /** Null when the target is for the whole company. */
    public Department department() {
        return department;
    }

    public double baseline() {
        return baseline;
    }

    public double targetValue() {
        return targetValue;
    }

    public LocalDate due() {
        return due;
    }

    public double amberTolerance() {
        return amberTolerance;
    }

    public int windowDays() {
        return windowDays;
    }

    public long version() {
        return version;
    }
}
