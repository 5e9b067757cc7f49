package io.cxtracker.domain.progress;

import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MetricSeriesService;
import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.targets.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/**
 * A metric's trend in one transaction: its definition, its series over a range and the targets of the same scope with
 * their verdicts — what a chart of the metric shows. Asked of the three services one after the other, each read was
 * a transaction of its own (a pooled connection checked with a statement of its own, then a commit); here they join
 * one, and today's trend is served from the {@link ReadCache} while nothing it reads has changed. The services' rules
 * and authority checks stay theirs.
 */
@ApplicationScoped
@Transactional
public class MetricTrendService {

    private final MetricSetupService metrics;
    private final MetricSeriesService series;
    private final TargetService targets;
    private final AsOfTargetService targetsAsOf;
    private final CurrentUser currentUser;
    private final ReadCache cache;

    /** For the CDI proxy only. */
    protected MetricTrendService() {
        this(null, null, null, null, null, null);
    }

    @Inject
    public MetricTrendService(MetricSetupService metrics, MetricSeriesService series, TargetService targets,
            AsOfTargetService targetsAsOf, CurrentUser currentUser, ReadCache cache) {
        this.metrics = metrics;
        this.series = series;
        this.targets = targets;
        this.targetsAsOf = targetsAsOf;
        this.currentUser = currentUser;
        this.cache = cache;
    }

    /**
     * The metric's trend between two days (both included), today or as the system knew it at {@code asOf}.
     *
     * @param departmentCode null or blank for every reading of the metric, and the company-wide targets
     * @param channel null or blank for every channel (targets are judged over every channel)
     * @param asOf null for now
     * @throws io.cxtracker.domain.shared.NotFoundException when the metric or the department does not exist
     */
    public MetricTrend trend(String metricKey, LocalDate from, LocalDate to, String departmentCode, String channel,
            Granularity granularity, AsOf asOf) {
        String department = blankAsNull(departmentCode);
        String onChannel = blankAsNull(channel);
        if (asOf != null) {
            return computed(metricKey, from, to, department, onChannel, granularity, asOf);
        }
        // checked here on every call, before the cache (the services check again when they compute); the trend is
        // the same whoever reads
        Authority.requireCanReadProgram(currentUser, "metric series");
        Authority.requireCanReadMetricDefinitions(currentUser);
        return cache.read(new TrendToday(metricKey, from, to, department, onChannel, granularity),
                () -> computed(metricKey, from, to, department, onChannel, granularity, null));
    }

    /** What today's {@link #trend} depends on besides the data and the day. */
    private record TrendToday(String metricKey, LocalDate from, LocalDate to, String department, String channel,
            Granularity granularity) {
    }

    private MetricTrend computed(String metricKey, LocalDate from, LocalDate to, String department, String channel,
            Granularity granularity, AsOf asOf) {
        var points = series.series(metricKey, from, to, department, channel, granularity, asOf);
        var metric = metrics.getMetric(metricKey);
        var verdicts = asOf == null ? targets.ofMetric(metricKey, department) : targetsAsOf.ofMetric(metricKey, department, asOf);
        return new MetricTrend(metric, from, to, granularity, department, channel, points, verdicts);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
