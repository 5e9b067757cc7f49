package io.cxtracker.persistence.metric;

import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.GaugeStatistics;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.RatioStatistics;
import io.cxtracker.persistence.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The one place that knows how readings' sufficient statistics merge in SQL: counts and sums are summed,
 * a gauge keeps the latest value (ties broken by the higher value, as {@link GaugeStatistics#merge}
 * does). The database only adds; the domain computes the values from the merged statistics.
 */
final class StatisticsSql {

    /** The merged statistics of the readings aliased {@code r}, {@value #COLUMNS} columns, read by {@link #read}. */
    static final String SUMS = """
            coalesce(sum(r.promoters), 0)::bigint, coalesce(sum(r.passives), 0)::bigint,
            coalesce(sum(r.detractors), 0)::bigint,
            coalesce(sum(r.satisfied), 0)::bigint, coalesce(sum(r.responses), 0)::bigint,
            coalesce(sum(r.score_sum), 0)::float8, coalesce(sum(r.score_count), 0)::bigint,
            coalesce(sum(r.numerator), 0)::bigint, coalesce(sum(r.denominator), 0)::bigint,
            coalesce(sum(r.gauge_value * r.gauge_weight), 0)::float8, coalesce(sum(r.gauge_weight), 0)::bigint,
            (array_agg(r.gauge_value ORDER BY r.gauge_at DESC, r.gauge_value DESC)
                FILTER (WHERE r.gauge_weight IS NOT NULL))[1],
            max(r.gauge_at)""";

    /**
     * The same {@value #COLUMNS} columns from the day sums of {@code reading_daily} aliased {@code r} (V18): one row
     * per series and day however many readings made it, so today's reads cost what the days cost, not the readings.
     */
    static final String DAILY_SUMS = """
            coalesce(sum(r.promoters), 0)::bigint, coalesce(sum(r.passives), 0)::bigint,
            coalesce(sum(r.detractors), 0)::bigint,
            coalesce(sum(r.satisfied), 0)::bigint, coalesce(sum(r.responses), 0)::bigint,
            coalesce(sum(r.score_sum), 0)::float8, coalesce(sum(r.score_count), 0)::bigint,
            coalesce(sum(r.numerator), 0)::bigint, coalesce(sum(r.denominator), 0)::bigint,
            coalesce(sum(r.gauge_weighted_sum), 0)::float8, coalesce(sum(r.gauge_weight), 0)::bigint,
            (array_agg(r.gauge_last_value ORDER BY r.gauge_last_at DESC, r.gauge_last_value DESC)
                FILTER (WHERE r.gauge_last_at IS NOT NULL))[1],
            max(r.gauge_last_at)""";

    /**
     * The same {@value #COLUMNS} columns from one row of {@code reading_daily} aliased {@code r}: what {@link #DAILY_SUMS}
     * gives for a group of that one row (its sums are NOT NULL; its gauge is its latest value when it has one).
     */
    static final String DAILY_ROW = """
            r.promoters, r.passives, r.detractors, r.satisfied, r.responses, r.score_sum, r.score_count,
            r.numerator, r.denominator, r.gauge_weighted_sum, r.gauge_weight,
            CASE WHEN r.gauge_last_at IS NOT NULL THEN r.gauge_last_value END, r.gauge_last_at""";

    static final int COLUMNS = 13;

    private StatisticsSql() {
    }

    /**
     * The same from a JDBC row: only the kind's own columns are read ({@code column} is the first, 1-based). NULL
     * reads as 0 where {@link #read(MetricKind, Object[], int)} takes it for 0.
     */
    static MetricStatistics read(MetricKind kind, ResultSet rs, int column) throws SQLException {
        return switch (kind) {
            case NPS -> new NpsStatistics(rs.getLong(column), rs.getLong(column + 1), rs.getLong(column + 2));
            case CSAT -> new CsatStatistics(rs.getLong(column + 3), rs.getLong(column + 4));
            case MEAN_SCORE -> new MeanScoreStatistics(rs.getDouble(column + 5), rs.getLong(column + 6));
            case RATIO -> new RatioStatistics(rs.getLong(column + 7), rs.getLong(column + 8));
            case GAUGE -> {
                long weight = rs.getLong(column + 10);
                if (weight == 0) {
                    yield GaugeStatistics.empty();
                }
                OffsetDateTime at = rs.getObject(column + 12, OffsetDateTime.class);
                yield new GaugeStatistics(rs.getDouble(column + 9), weight, rs.getDouble(column + 11),
                        at == null ? null : at.toInstant());
            }
        };
    }

    /** The statistics of the metric's kind from the {@link #SUMS} columns starting at {@code offset}. */
    static MetricStatistics read(MetricKind kind, Object[] row, int offset) {
        return switch (kind) {
            case NPS -> new NpsStatistics(Rows.toLong(row[offset]), Rows.toLong(row[offset + 1]), Rows.toLong(row[offset + 2]));
            case CSAT -> new CsatStatistics(Rows.toLong(row[offset + 3]), Rows.toLong(row[offset + 4]));
            case MEAN_SCORE -> new MeanScoreStatistics(Rows.toDouble(row[offset + 5]), Rows.toLong(row[offset + 6]));
            case RATIO -> new RatioStatistics(Rows.toLong(row[offset + 7]), Rows.toLong(row[offset + 8]));
            case GAUGE -> {
                long weight = Rows.toLong(row[offset + 10]);
                yield weight == 0
                        ? GaugeStatistics.empty()
                        : new GaugeStatistics(Rows.toDouble(row[offset + 9]), weight, Rows.toDouble(row[offset + 11]),
                                Rows.toInstant(row[offset + 12]));
            }
        };
    }
}
