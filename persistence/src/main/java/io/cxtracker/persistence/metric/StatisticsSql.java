package io.cxtracker.persistence.metric;

import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.GaugeStatistics;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.RatioStatistics;
import io.cxtracker.persistence.shared.Rows;

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

    static final int COLUMNS = 13;

    private StatisticsSql() {
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
