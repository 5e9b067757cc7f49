package io.cxtracker.domain.targets;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricSeriesRepository;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
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
 * Reading targets and their verdict today: each target evaluated by its own rule ({@link Target#evaluate})
 * over its trailing window of the daily series the database merges, all windows in one query.
 * Read-only; program readers read ({@link Authority#requireCanReadProgram}). (Targets are set and revised in
 * the program set-up.)
 */
@ApplicationScoped
@Transactional
public class TargetService {
    private static final Map<String, Comparator<Target>> ORDERS = Map.of(
            "due", Comparator.comparing(Target::due),
            "id", Comparator.comparing(Target::id),
            "metric", Comparator.comparing((Target t) -> t.metric().key().value()));

    private final TargetRepository targets;
    private final MetricSeriesRepository series;
    private final Clock clock;
    private final CurrentUser currentUser;

    /** For the CDI proxy only. */
    protected TargetService() {
        this(null, null, null, null);
    }

    @Inject
    public TargetService(TargetRepository targets, MetricSeriesRepository series, Clock clock, CurrentUser currentUser) {
        this.targets = targets;
        this.series = series;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    public TargetSummary get(long id) {
        Authority.requireCanReadProgram(currentUser, "targets");
        return TargetSummary.of(find(id));
    }

    /**
     * A page of the targets on a metric and/or of a department (null: any), sorted by {@code due},
     * {@code id} or {@code metric} (due by default).
     *
     * @throws InvalidInputException naming {@code metric}, {@code department} or {@code sort}
     */
    public Page<TargetSummary> list(String metricKey, String departmentCode, PageRequest page) {
        Authority.requireCanReadProgram(currentUser, "targets");
        Violations violations = new Violations();
        TargetListFilter filter = TargetListFilter.of(metricKey, departmentCode, violations);
        String property = page.sortProperty() == null ? "due" : page.sortProperty();
        Comparator<Target> order = ORDERS.get(property);
        violations.check(order != null, "sort", "must be one of " + ORDERS.keySet().stream().sorted().toList());
        violations.throwIfAny();
        Comparator<Target> sorted = (page.ascending() ? order : order.reversed()).thenComparing(Target::id);
        List<TargetSummary> all = targets.list(filter.metric(), filter.department()).stream()
                .sorted(sorted)
                .map(TargetSummary::of)
                .toList();
        int from = Math.min(page.offset(), all.size());
        int to = (int) Math.min((long) from + page.limit(), all.size());
        return new Page<>(all.subList(from, to), all.size());
    }

    /** The target's verdict today. */
    public TargetStatus status(long id) {
        Authority.requireCanReadProgram(currentUser, "targets");
        return evaluate(List.of(find(id))).get(0);
    }

    /**
     * The verdicts today of the metric's targets for exactly this scope: the department's targets, or the
     * company-wide ones when {@code departmentCode} is null or blank. Unknown metrics have no targets.
     */
    public List<TargetStatus> ofMetric(String metricKey, String departmentCode) {
        Authority.requireCanReadProgram(currentUser, "targets");
        if (!MetricKey.isValid(metricKey)) {
            return List.of();
        }
        List<Target> matching = targets.listByMetric(new MetricKey(metricKey)).stream()
                .filter(t -> t.isSetFor(departmentCode))
                .toList();
        return evaluate(matching);
    }

    /** The verdicts today of every target set for the department, by due date. */
    public List<TargetStatus> ofDepartment(String departmentCode) {
        Authority.requireCanReadProgram(currentUser, "targets");
        if (!DepartmentCode.isValid(departmentCode)) {
            return List.of();
        }
        return evaluate(targets.list(null, new DepartmentCode(departmentCode)));
    }

    private List<TargetStatus> evaluate(List<Target> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Map<Target, SeriesScope> scopes = new LinkedHashMap<>();
        list.forEach(t -> scopes.put(t, new SeriesScope(t.metric(), t.department(), t.windowEndingOn(today))));
        Map<SeriesScope, List<SeriesPoint>> daily = series.daily(new LinkedHashSet<>(scopes.values()));
        List<TargetStatus> verdicts = new ArrayList<>();
        scopes.forEach((target, scope) -> verdicts.add(new TargetStatus(TargetSummary.of(target), today,
                target.evaluate(daily.getOrDefault(scope, List.of()), today))));
        return verdicts;
    }

    private Target find(long id) {
        return targets.findById(id).orElseThrow(() -> new NotFoundException("target", String.valueOf(id)));
    }
}
