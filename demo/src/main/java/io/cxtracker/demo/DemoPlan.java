package io.cxtracker.demo;

import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.program.PhasePlan;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.targets.Rag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A generated demo program, as plain data: what {@link DemoLoader} creates through the use-case services.
 * The daily data (survey answers, readings, feedback) is not held here but made day by day by
 * {@link DemoData}, so a plan of any scale fits in memory. Cross-references are list indexes.
 */
public record DemoPlan(DemoParameters parameters, String programName, List<PhasePlan> phases,
        List<DepartmentSpec> departments, List<MetricSpec> metrics, List<InitiativeSpec> initiatives,
        List<SeriesSpec> series, List<TargetSpec> targets, List<MilestoneSpec> milestones, List<ThemeSpec> themes,
        List<CommitmentSpec> commitments, List<AssessmentSpec> assessments) {

    public DemoPlan {
        phases = List.copyOf(phases);
        departments = List.copyOf(departments);
        metrics = List.copyOf(metrics);
        initiatives = List.copyOf(initiatives);
        series = List.copyOf(series);
        targets = List.copyOf(targets);
        milestones = List.copyOf(milestones);
        themes = List.copyOf(themes);
        commitments = List.copyOf(commitments);
        assessments = List.copyOf(assessments);
    }

    /** @param lead the user name of the department's lead (the owner of its milestones) */
    public record DepartmentSpec(String code, String name, String parentCode, String lead) {
    }

    public record MetricSpec(String key, String name, String unit, MetricKind kind, Direction direction, String owner) {
    }

    public record InitiativeSpec(int phaseNumber, Pillar pillar, String title, String description, String accountable,
            Map<String, RaciRole> raci) {
    }

    /**
     * A metric/department series with daily data.
     *
     * @param start the level on the program's first day
     * @param yearlyChange the change per year, in the metric's units (positive is up, whatever the direction)
     * @param lastDay the last day with data: before the day before {@code asOf} for a series that went silent
     * @param boosts changes in level from a day on (a commitment delivered), ramped in over 30 days
     */
    public record SeriesSpec(int index, String metricKey, String departmentCode, double start, double yearlyChange,
            LocalDate firstDay, LocalDate lastDay, List<Boost> boosts) {
        public SeriesSpec {
            boosts = List.copyOf(boosts);
        }

        /** The same series with data up to another day. */
        public SeriesSpec withLastDay(LocalDate newLastDay) {
            return new SeriesSpec(index, metricKey, departmentCode, start, yearlyChange, firstDay, newLastDay, boosts);
        }
    }

    public record Boost(LocalDate from, double change) {
    }

    /**
     * A target, with the verdict the demo tuned it to give on {@code asOf}.
     *
     * @param departmentCode null for the whole company
     */
    public record TargetSpec(String metricKey, String departmentCode, double baseline, double targetValue, LocalDate due,
            double amberTolerance, int windowDays, Rag expectedRag, boolean expectedMet) {
    }

    /** @param targets indexes into {@link DemoPlan#targets()} of the targets that decide the milestone's status */
    public record MilestoneSpec(int initiative, String title, String description, String ownerDepartment,
            String ownerPerson, LocalDate due, List<String> evidence, List<CheckInSpec> checkIns, List<Integer> targets) {
        public MilestoneSpec {
            evidence = List.copyOf(evidence);
            checkIns = List.copyOf(checkIns);
            targets = List.copyOf(targets);
        }
    }

    public record CheckInSpec(Instant at, CheckInStatus status, int progress, String comment) {
    }

    /** A theme customers talk about, with how much, how it feels, how it develops and whom it concerns. */
    public record ThemeSpec(String theme, List<String> departments, String metricKey, double sentiment, double share,
            double yearlyGrowth, List<String> channels, List<String> texts) {
        public ThemeSpec {
            departments = List.copyOf(departments);
            channels = List.copyOf(channels);
            texts = List.copyOf(texts);
        }
    }

    /**
     * A commitment and the moves of its life: created on {@code createdAt} in the first state, then each
     * move on its day.
     *
     * @param milestones indexes into {@link DemoPlan#milestones()}
     */
    public record CommitmentSpec(String theme, String title, String description, String ownerDepartment, LocalDate due,
            List<Integer> milestones, String metricKey, Instant createdAt, List<Move> moves) {
        public CommitmentSpec {
            milestones = List.copyOf(milestones);
            moves = List.copyOf(moves);
        }
    }

    /** @param reason the reason of a drop, else null */
    public record Move(Instant at, String state, String reason) {
    }

    public record AssessmentSpec(String departmentCode, LocalDate assessedOn, Map<String, Integer> answers, String notes,
            String assessor) {
    }

    /**
     * The same program with its daily data carried on to {@code lastDay} (at most the program's last day), for
     * topping up a demo loaded earlier: the series that had data on the plan's last data day carry on with the
     * same trend, boosts and per-day seeds, so the days already stored and the new ones form one curve; the
     * series that had gone silent stay silent, as do their targets' verdicts of "no data". Everything else
     * (milestones, targets, commitments…) is the plan as generated. A day not after the plan's last data day
     * gives this plan.
     */
    public DemoPlan continuedTo(LocalDate lastDay) {
        LocalDate live = parameters.lastDataDay();
        if (!lastDay.isAfter(live)) {
            return this;
        }
        DemoParameters later = parameters.withAsOf(lastDay.plusDays(1));
        List<SeriesSpec> continued = series.stream()
                .map(s -> s.lastDay().equals(live) ? s.withLastDay(later.lastDataDay()) : s)
                .toList();
        return new DemoPlan(later, programName, phases, departments, metrics, initiatives, continued, targets, milestones,
                themes, commitments, assessments);
    }

    /** The lead of a department by code. */
    public String leadOf(String departmentCode) {
        return departments.stream().filter(d -> d.code().equals(departmentCode)).findFirst()
                .map(DepartmentSpec::lead).orElseThrow(() -> new IllegalArgumentException(departmentCode));
    }

    /** The codes of the departments a lead leads (lead-growth leads sales and success). */
    public List<String> departmentsLedBy(String lead) {
        return departments.stream().filter(d -> d.lead().equals(lead)).map(DepartmentSpec::code).toList();
    }
}
