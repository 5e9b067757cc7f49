package io.cxtracker.domain.progress;

import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.targets.TargetListFilter;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetRepository;
import io.cxtracker.domain.targets.TargetService;
import io.cxtracker.domain.targets.TargetStatus;
import io.cxtracker.domain.targets.TargetSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Targets and their verdicts as the system knew them at an instant: the targets set by then, with the numbers
 * of their revision in force then ({@link PlanHistory#targets}), judged on that day by {@link Target#evaluate}
 * over the readings received by then. The as-of counterpart of {@link TargetService}, kept apart because the
 * history is the progress read model's (the targets feature sits below it). Read-only; program readers read.
 */
@ApplicationScoped
@Transactional
public class AsOfTargetService {

    private static final Comparator<TargetStatus> BY_DUE = Comparator.comparing((TargetStatus t) -> t.target().due())
            .thenComparingLong(t -> t.target().id());

    private static final Map<String, Comparator<TargetSummary>> ORDERS = Map.of(
            "due", Comparator.comparing(TargetSummary::due),
            "id", Comparator.comparingLong(TargetSummary::id),
            "metric", Comparator.comparing(TargetSummary::metricKey));

    private final TargetRepository targets;
    private final PlanHistory history;
    private final Clock clock;
    private final CurrentUser currentUser;

    /** For the CDI proxy only. */
    protected AsOfTargetService() {
        this(null, null, null, null);
    }

    @Inject
    public AsOfTargetService(TargetRepository targets, PlanHistory history, Clock clock, CurrentUser currentUser) {
        this.targets = targets;
        this.history = history;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /**
     * One target's verdict as of then.
     *
     * @throws NotFoundException when there is no such target, or it was not set yet then
     */
    public TargetStatus status(long id, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "targets");
        asOf.requireKnowable(clock);
        Target current = targets.findById(id).orElseThrow(() -> new NotFoundException("target", String.valueOf(id)));
        List<TargetStatus> then = evaluate(List.of(current), asOf);
        if (then.isEmpty()) {
            throw new NotFoundException("target", id + " as of " + asOf.at());
        }
        return then.getFirst();
    }

    /**
     * The metric's targets for exactly this scope (a department's, or the company-wide ones when
     * {@code departmentCode} is null or blank) as of then, by due date. Unknown metrics have no targets.
     */
    public List<TargetStatus> ofMetric(String metricKey, String departmentCode, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "targets");
        asOf.requireKnowable(clock);
        if (!MetricKey.isValid(metricKey)) {
            return List.of();
        }
        return evaluate(targets.listByMetric(new MetricKey(metricKey)).stream().filter(t -> t.isSetFor(departmentCode))
                .toList(), asOf);
    }

    /** Every target on the metric, whatever its scope, as of then, by due date. */
    public List<TargetStatus> ofMetricInEveryScope(String metricKey, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "targets");
        asOf.requireKnowable(clock);
        if (!MetricKey.isValid(metricKey)) {
            return List.of();
        }
        return evaluate(targets.listByMetric(new MetricKey(metricKey)), asOf);
    }

    /** The targets set for the department as of then, by due date (the department dashboard's, of a past instant). */
    public List<TargetStatus> ofDepartment(String departmentCode, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "targets");
        asOf.requireKnowable(clock);
        if (!DepartmentCode.isValid(departmentCode)) {
            return List.of();
        }
        return evaluate(targets.list(null, new DepartmentCode(departmentCode)), asOf);
    }

    /**
     * A page of the targets on a metric and/or of a department (null: any) set by then, each with its numbers and
     * verdict of then, sorted by {@code due} (of then), {@code id} or {@code metric} (due by default), as
     * {@link TargetService#list} pages today's.
     *
     * @throws io.cxtracker.domain.shared.InvalidInputException naming {@code metric}, {@code department}, {@code sort}
     *         or {@code asOf}
     */
    public Page<TargetStatus> list(String metricKey, String departmentCode, PageRequest page, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "targets");
        Violations violations = new Violations();
        TargetListFilter filter = TargetListFilter.of(metricKey, departmentCode, violations);
        String property = page.sortProperty() == null ? "due" : page.sortProperty();
        Comparator<TargetSummary> order = ORDERS.get(property);
        violations.check(order != null, "sort", "must be one of " + ORDERS.keySet().stream().sorted().toList());
        violations.capture(() -> {
            asOf.requireKnowable(clock);
            return asOf;
        });
        violations.throwIfAny();
        Comparator<TargetSummary> sorted = (page.ascending() ? order : order.reversed()).thenComparingLong(TargetSummary::id);
        List<TargetStatus> all = evaluate(targets.list(filter.metric(), filter.department()), asOf).stream()
                .sorted(Comparator.comparing(TargetStatus::target, sorted))
                .toList();
        int from = Math.min(page.offset(), all.size());
        int to = (int) Math.min((long) from + page.limit(), all.size());
        return new Page<>(all.subList(from, to), all.size());
    }

    /** Targets set after the instant are left out; the others are judged with the numbers they had then. */
    private List<TargetStatus> evaluate(List<Target> current, AsOf asOf) {
        if (current.isEmpty()) {
            return List.of();
        }
        Map<Long, TargetPlan> then = history.targets(current.stream().map(Target::id).toList(), asOf.at());
        LocalDate day = asOf.day();
        Map<Target, SeriesScope> scopes = new LinkedHashMap<>();
        for (Target target : current) {
            TargetPlan plan = then.get(target.id());
            if (plan != null) {
                Target past = plan.appliedTo(target);
                scopes.put(past, new SeriesScope(past.metric(), past.department(), past.windowEndingOn(day)));
            }
        }
        Map<SeriesScope, List<SeriesPoint>> daily = scopes.isEmpty() ? Map.of()
                : history.daily(new LinkedHashSet<>(scopes.values()), asOf.at());
        List<TargetStatus> verdicts = new ArrayList<>();
        scopes.forEach((target, scope) -> verdicts.add(new TargetStatus(TargetSummary.of(target), day,
                target.evaluate(daily.getOrDefault(scope, List.of()), day))));
        verdicts.sort(BY_DUE);
        return verdicts;
    }
}
