package io.cxtracker.domain.metric;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metric series and roll-ups for dashboards and the API: the database merges the sufficient statistics,
 * the domain computes the values. Read-only; program readers read ({@link Authority#requireCanReadProgram}).
 */
@ApplicationScoped
@Transactional
public class MetricSeriesService {
    /** More buckets than this is not a chart any more. */
    public static final int MAX_BUCKETS = 1000;

    private final MetricRepository metrics;
    private final DepartmentRepository departments;
    private final MetricSeriesRepository series;
    private final CurrentUser currentUser;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected MetricSeriesService() {
        this(null, null, null, null, null);
    }

    @Inject
    public MetricSeriesService(MetricRepository metrics, DepartmentRepository departments, MetricSeriesRepository series,
            CurrentUser currentUser, Clock clock) {
        this.clock = clock;
        this.metrics = metrics;
        this.departments = departments;
        this.series = series;
        this.currentUser = currentUser;
    }

    /**
     * The metric per day, week, month or quarter between two days (both included).
     *
     * @param departmentCode null for every reading of the metric
     * @param channel null for every channel
     */
    public List<SeriesBucketView> series(String metricKey, LocalDate from, LocalDate to, String departmentCode,
            String channel, Granularity granularity) {
        return series(metricKey, from, to, departmentCode, channel, granularity, null);
    }

    /**
     * {@link #series(String, LocalDate, LocalDate, String, String, Granularity)} as the system knew it at
     * {@code asOf}: only the readings received by then count, each with the statistics it had then, so a reading
     * sent later for an earlier day does not change the past.
     *
     * @param asOf null for now
     */
    public List<SeriesBucketView> series(String metricKey, LocalDate from, LocalDate to, String departmentCode,
            String channel, Granularity granularity, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "metric series");
        if (asOf != null) {
            asOf.requireKnowable(clock);
        }
        Metric metric = metric(metricKey);
        DateRange range = new DateRange(from, to);
        Granularity size = checkedGranularity(from, to, granularity);
        Department department = departmentCode == null || departmentCode.isBlank() ? null : department(departmentCode);
        String checkedChannel = channel == null || channel.isBlank() ? null : channel.strip();
        List<SeriesBucket> found = asOf == null ? series.series(metric, range, size, department, checkedChannel)
                : series.series(metric, range, size, department, checkedChannel, asOf.at());
        return found.stream().map(SeriesBucketView::of).toList();
    }

    /**
     * {@link #series(String, LocalDate, LocalDate, String, String, Granularity, AsOf)} of several metrics over the same
     * days and department, every channel, read at once: by metric key, in the order given, each list what that method
     * answers for the metric.
     *
     * @param departmentCode null for every reading of the metrics
     * @param asOf null for now
     */
    public Map<String, List<SeriesBucketView>> seriesOfMetrics(Collection<String> metricKeys, LocalDate from, LocalDate to,
            String departmentCode, Granularity granularity, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "metric series");
        if (asOf != null) {
            asOf.requireKnowable(clock);
        }
        Map<String, Metric> byKey = new LinkedHashMap<>();
        metricKeys.forEach(key -> byKey.put(key, null));
        for (String key : byKey.keySet()) {
            if (!MetricKey.isValid(key)) {
                throw new NotFoundException("metric", String.valueOf(key));
            }
        }
        metrics.findByKeys(byKey.keySet().stream().map(MetricKey::new).toList())
                .forEach(metric -> byKey.replace(metric.key().value(), metric));
        byKey.forEach((key, metric) -> {
            if (metric == null) {
                throw new NotFoundException("metric", key);
            }
        });
        DateRange range = new DateRange(from, to);
        Granularity size = checkedGranularity(from, to, granularity);
        Department department = departmentCode == null || departmentCode.isBlank() ? null : department(departmentCode);
        Map<MetricKey, List<SeriesBucket>> found = series.seriesOfMetrics(byKey.values(), range, size, department,
                asOf == null ? null : asOf.at());
        Map<String, List<SeriesBucketView>> views = new LinkedHashMap<>();
        byKey.forEach((key, metric) -> views.put(key,
                found.getOrDefault(metric.key(), List.of()).stream().map(SeriesBucketView::of).toList()));
        return views;
    }

    /** The granularity asked for (a day when none), refused when it would give more than {@link #MAX_BUCKETS} periods. */
    private static Granularity checkedGranularity(LocalDate from, LocalDate to, Granularity granularity) {
        Granularity size = granularity == null ? Granularity.DAY : granularity;
        long buckets = 0;
        for (Period p = Period.containing(from, size); !p.start().isAfter(to) && buckets <= MAX_BUCKETS; p = p.next()) {
            buckets++;
        }
        if (buckets > MAX_BUCKETS) {
            throw new InvalidInputException("granularity", "would give more than " + MAX_BUCKETS
                    + " periods between " + from + " and " + to + "; choose a coarser one");
        }
        return size;
    }

    /** The metric over the range for these departments together; all readings when the collection is empty or null. */
    public StatisticsView total(String metricKey, LocalDate from, LocalDate to, Collection<String> departmentCodes) {
        Authority.requireCanReadProgram(currentUser, "metric series");
        Metric metric = metric(metricKey);
        DateRange range = new DateRange(from, to);
        List<Department> scope = new ArrayList<>();
        if (departmentCodes != null) {
            departmentCodes.forEach(code -> scope.add(department(code)));
        }
        return StatisticsView.of(metric, range, series.total(metric, range, scope));
    }

    /** The metric over the range per department, by department code. */
    public Map<String, StatisticsView> byDepartment(String metricKey, LocalDate from, LocalDate to) {
        Authority.requireCanReadProgram(currentUser, "metric series");
        Metric metric = metric(metricKey);
        DateRange range = new DateRange(from, to);
        Map<String, StatisticsView> views = new LinkedHashMap<>();
        Map<String, MetricStatistics> byCode = new TreeMap<>();
        series.byDepartment(metric, range).forEach((code, statistics) -> byCode.put(code.value(), statistics));
        byCode.forEach((code, statistics) -> views.put(code, StatisticsView.of(metric, range, statistics)));
        return views;
    }

    private Metric metric(String key) {
        if (!MetricKey.isValid(key)) {
            throw new NotFoundException("metric", String.valueOf(key));
        }
        return metrics.findByKey(new MetricKey(key)).orElseThrow(() -> new NotFoundException("metric", key));
    }

    private Department department(String code) {
        Violations violations = new Violations();
        Department department = departments.existing("department", code, violations);
        violations.throwIfAny();
        return department;
    }
}
