package io.cxtracker.persistence.metric;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricSeriesRepository;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.Period;
import io.cxtracker.domain.metric.SeriesBucket;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.persistence.shared.Jdbc;
import io.cxtracker.persistence.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Series and roll-ups summed by PostgreSQL from the readings' sufficient statistics: the rows that come
 * back are one per bucket (or department, or scope and day), never one per reading. They sum the day sums of
 * {@code reading_daily} (kept by triggers with the readings), except a single channel's series, which sums the
 * raw readings.
 */
@ApplicationScoped
public class JpaMetricSeriesRepository implements MetricSeriesRepository {
    /** Scopes per statement of {@link #daily}: five parameters each. */
    static final int SCOPES_PER_QUERY = 500;
    /** Stands for "every department" in a scope row, where SQL NULL would not compare. */
    private static final long ALL_DEPARTMENTS = -1;

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaMetricSeriesRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaMetricSeriesRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<SeriesBucket> series(Metric metric, DateRange range, Granularity granularity, Department department,
            String channel) {
        return series(metric, range, granularity, department, channel, null);
    }

    @Override
    public List<SeriesBucket> series(Metric metric, DateRange range, Granularity granularity, Department department,
            String channel, Instant knownAt) {
        // ISO weeks (Monday) and calendar quarters, as Granularity.bucketStart; the day is cast to a timestamp
        // so that the session's time zone plays no part.
        // a channel's series, and any series as known at an instant, needs the raw readings; every other read
        // takes the day sums
        List<Object> parameters = new ArrayList<>(List.of(metric.id(), range.from(), range.to()));
        String readings = channel == null ? "reading_daily" : "reading";
        if (knownAt != null) {
            readings = ReadingsKnownAt.sql(knownAt);
        }
        StringBuilder sql = new StringBuilder("SELECT date_trunc('" + unit(granularity) + "', r.day::timestamp)::date, ")
                .append(readings.equals("reading_daily") ? StatisticsSql.DAILY_SUMS : StatisticsSql.SUMS)
                .append(" FROM ").append(readings).append(" r")
                .append(" WHERE r.metric_id = ?1 AND r.day BETWEEN ?2 AND ?3");
        if (department != null) {
            parameters.add(department.id());
            sql.append(" AND r.department_id = ?").append(parameters.size());
        }
        if (channel != null) {
            parameters.add(channel);
            sql.append(" AND r.channel = ?").append(parameters.size());
        }
        sql.append(" GROUP BY 1 ORDER BY 1");
        List<SeriesBucket> buckets = new ArrayList<>();
        for (Object[] row : rows(sql.toString(), parameters)) {
            buckets.add(new SeriesBucket(new Period(Rows.toLocalDate(row[0]), granularity),
                    StatisticsSql.read(metric.kind(), row, 1)));
        }
        return buckets;
    }

    /**
     * The same statement as {@link #series(Metric, DateRange, Granularity, Department, String, Instant)} without a
     * channel, for every metric at once and grouped by metric as well, so each metric's buckets are those its own
     * series has.
     */
    @Override
    public Map<MetricKey, List<SeriesBucket>> seriesOfMetrics(Collection<Metric> metrics, DateRange range,
            Granularity granularity, Department department, Instant knownAt) {
        Map<Long, Metric> byId = new LinkedHashMap<>();
        metrics.forEach(metric -> byId.put(metric.id(), metric));
        Map<MetricKey, List<SeriesBucket>> result = new LinkedHashMap<>();
        byId.values().forEach(metric -> result.put(metric.key(), new ArrayList<>()));
        if (byId.isEmpty()) {
            return result;
        }
        List<Object> parameters = new ArrayList<>(List.of(List.copyOf(byId.keySet()), range.from(), range.to()));
        String readings = knownAt == null ? "reading_daily" : ReadingsKnownAt.sql(knownAt);
        StringBuilder sql = new StringBuilder("SELECT r.metric_id, date_trunc('" + unit(granularity) + "', r.day::timestamp)::date, ")
                .append(knownAt == null ? StatisticsSql.DAILY_SUMS : StatisticsSql.SUMS)
                .append(" FROM ").append(readings).append(" r")
                .append(" WHERE r.metric_id IN (?1) AND r.day BETWEEN ?2 AND ?3");
        if (department != null) {
            parameters.add(department.id());
            sql.append(" AND r.department_id = ?").append(parameters.size());
        }
        sql.append(" GROUP BY 1, 2 ORDER BY 1, 2");
        for (Object[] row : rows(sql.toString(), parameters)) {
            Metric metric = byId.get(Rows.toLong(row[0]));
            result.get(metric.key()).add(new SeriesBucket(new Period(Rows.toLocalDate(row[1]), granularity),
                    StatisticsSql.read(metric.kind(), row, 2)));
        }
        return result;
    }

    @Override
    public MetricStatistics total(Metric metric, DateRange range, Collection<Department> departments) {
        StringBuilder sql = new StringBuilder("SELECT ").append(StatisticsSql.DAILY_SUMS)
                .append(" FROM reading_daily r WHERE r.metric_id = ?1 AND r.day BETWEEN ?2 AND ?3");
        List<Object> parameters = new ArrayList<>(List.of(metric.id(), range.from(), range.to()));
        if (!departments.isEmpty()) {
            parameters.add(departments.stream().map(Department::id).distinct().toList());
            sql.append(" AND r.department_id IN (?4)");
        }
        return StatisticsSql.read(metric.kind(), rows(sql.toString(), parameters).get(0), 0);
    }

    @Override
    public Map<DepartmentCode, MetricStatistics> byDepartment(Metric metric, DateRange range) {
        String sql = "SELECT d.code, " + StatisticsSql.DAILY_SUMS + """
                 FROM reading_daily r JOIN department d ON d.id = r.department_id
                WHERE r.metric_id = ?1 AND r.day BETWEEN ?2 AND ?3
                GROUP BY d.code ORDER BY d.code""";
        Map<DepartmentCode, MetricStatistics> result = new LinkedHashMap<>();
        for (Object[] row : rows(sql, List.of(metric.id(), range.from(), range.to()))) {
            result.put(new DepartmentCode((String) row[0]), StatisticsSql.read(metric.kind(), row, 1));
        }
        return result;
    }

    @Override
    public Map<SeriesScope, List<SeriesPoint>> daily(Collection<SeriesScope> scopes) {
        return daily(scopes, null);
    }

    /**
     * {@link #daily(Collection)} over the readings as they had been received at {@code knownAt} (null: as they
     * are now): a reading received later is absent, a reading merged into later shows its statistics of then.
     */
    public Map<SeriesScope, List<SeriesPoint>> daily(Collection<SeriesScope> scopes, Instant knownAt) {
        List<SeriesScope> all = List.copyOf(new LinkedHashSet<>(scopes));
        Map<SeriesScope, List<SeriesPoint>> result = new LinkedHashMap<>();
        all.forEach(scope -> result.put(scope, new ArrayList<>()));
        if (knownAt == null) {
            if (!all.isEmpty()) {
                dailyNow(all, result);
            }
            return result;
        }
        for (int start = 0; start < all.size(); start += SCOPES_PER_QUERY) {
            List<SeriesScope> chunk = all.subList(start, Math.min(all.size(), start + SCOPES_PER_QUERY));
            StringBuilder values = new StringBuilder();
            List<Object> parameters = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                SeriesScope scope = chunk.get(i);
                int p = parameters.size();
                values.append(i == 0 ? "" : ", ").append("(CAST(?").append(p + 1).append(" AS integer), CAST(?")
                        .append(p + 2).append(" AS bigint), CAST(?").append(p + 3).append(" AS bigint), CAST(?")
                        .append(p + 4).append(" AS date), CAST(?").append(p + 5).append(" AS date))");
                parameters.add(i);
                parameters.add(scope.metric().id());
                parameters.add(scope.department() == null ? ALL_DEPARTMENTS : scope.department().id());
                parameters.add(scope.range().from());
                parameters.add(scope.range().to());
            }
            // As known at an instant: the readings received by then (ReadingsKnownAt), summed here. Two branches
            // instead of "(every department OR this one)": with the OR, PostgreSQL can only use the (metric, day)
            // index and reads every department's readings of the metric to keep one department's; a department's
            // scope reads its own index range.
            String readings = ReadingsKnownAt.sql(knownAt);
            String sums = StatisticsSql.SUMS;
            String sql = "WITH w(scope_no, metric_id, department_id, from_day, to_day) AS (VALUES " + values + ")"
                    + " SELECT w.scope_no, r.day, " + sums
                    + " FROM w JOIN " + readings + " r ON r.metric_id = w.metric_id AND r.department_id = w.department_id"
                    + " AND r.day BETWEEN w.from_day AND w.to_day"
                    + " WHERE w.department_id <> " + ALL_DEPARTMENTS + " GROUP BY w.scope_no, r.day"
                    + " UNION ALL SELECT w.scope_no, r.day, " + sums
                    + " FROM w JOIN " + readings + " r ON r.metric_id = w.metric_id AND r.day BETWEEN w.from_day AND w.to_day"
                    + " WHERE w.department_id = " + ALL_DEPARTMENTS + " GROUP BY w.scope_no, r.day"
                    + " ORDER BY 1, 2";
            for (Object[] row : rows(sql, parameters)) {
                SeriesScope scope = chunk.get(Rows.toInt(row[0]));
                result.get(scope).add(new SeriesPoint(Rows.toLocalDate(row[1]),
                        StatisticsSql.read(scope.metric().kind(), row, 2)));
            }
        }
        return result;
    }

    /**
     * Today's days: the day sums kept with the readings (reading_daily, V18), in one statement over plain JDBC whatever
     * the number of scopes (they go as arrays, so its text, and the server's prepared statement, is always the same).
     * A department's day is one row of reading_daily, read as it stands: no grouping, sorting or aggregating of rows
     * that are single anyway (on the benchmark program that was half the statement's time). The company's days sum
     * every department's, on the (metric, day) index; a department's scope reads its own index range. Each scope reads
     * its range in a subquery of its own (LATERAL, OFFSET 0 keeps it apart): joined plainly, PostgreSQL with
     * statistics but no estimate of the scopes' ranges hashes the scopes and scans all of reading_daily (seen on the
     * benchmark program once analysed: 218,210 rows read for 2,310).
     */
    private void dailyNow(List<SeriesScope> scopes, Map<SeriesScope, List<SeriesPoint>> result) {
        Long[] metrics = new Long[scopes.size()];
        Long[] departments = new Long[scopes.size()];
        Integer[] from = new Integer[scopes.size()];
        Integer[] to = new Integer[scopes.size()];
        for (int i = 0; i < scopes.size(); i++) {
            SeriesScope scope = scopes.get(i);
            metrics[i] = scope.metric().id();
            departments[i] = scope.department() == null ? ALL_DEPARTMENTS : scope.department().id();
            from[i] = Math.toIntExact(scope.range().from().toEpochDay());
            to[i] = Math.toIntExact(scope.range().to().toEpochDay());
        }
        String sql = "WITH w AS (SELECT s.scope_no, s.metric_id, s.department_id,"
                + " DATE '1970-01-01' + s.from_day AS from_day, DATE '1970-01-01' + s.to_day AS to_day"
                + " FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS integer[]), CAST(? AS integer[]))"
                + " WITH ORDINALITY AS s(metric_id, department_id, from_day, to_day, scope_no))"
                + " SELECT w.scope_no, r.* FROM w CROSS JOIN LATERAL (SELECT r.day, " + StatisticsSql.DAILY_ROW
                + " FROM reading_daily r WHERE r.metric_id = w.metric_id AND r.department_id = w.department_id"
                + " AND r.day BETWEEN w.from_day AND w.to_day OFFSET 0) r WHERE w.department_id <> " + ALL_DEPARTMENTS
                + " UNION ALL SELECT w.scope_no, r.* FROM w CROSS JOIN LATERAL (SELECT r.day, " + StatisticsSql.DAILY_SUMS
                + " FROM reading_daily r WHERE r.metric_id = w.metric_id AND r.day BETWEEN w.from_day AND w.to_day"
                + " GROUP BY r.day) r WHERE w.department_id = " + ALL_DEPARTMENTS
                + " ORDER BY 1, 2";
        Jdbc.query(em, sql, List.of(metrics, departments, from, to), rs -> {
            SeriesScope scope = scopes.get(Math.toIntExact(rs.getLong(1)) - 1);
            result.get(scope).add(new SeriesPoint(rs.getObject(2, LocalDate.class),
                    StatisticsSql.read(scope.metric().kind(), rs, 3)));
            return null;
        });
    }

    private static String unit(Granularity granularity) {
        return switch (granularity) {
            case DAY -> "day";
            case WEEK -> "week";
            case MONTH -> "month";
            case QUARTER -> "quarter";
        };
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Object> parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return (List<Object[]>) query.getResultList();
    }
}
