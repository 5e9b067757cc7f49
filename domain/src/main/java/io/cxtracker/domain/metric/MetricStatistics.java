package io.cxtracker.domain.metric;

import java.util.OptionalDouble;

/**
 * The sufficient statistics of a reading: just enough numbers that merging two readings gives exactly
 * the statistics of their union. Any roll-up (period, department, program) therefore merges
 * statistics and computes the value once at the end; averaging values would weigh a department with
 * ten answers as much as one with a thousand.
 *
 * <p>Merging is associative and commutative with {@link #empty(MetricKind)} as identity, so readings
 * can be merged in any order and any grouping.
 */
public sealed interface MetricStatistics
        permits NpsStatistics, CsatStatistics, MeanScoreStatistics, RatioStatistics, GaugeStatistics {

    MetricKind kind();

    /**
     * The statistics of both readings together.
     *
     * @throws IllegalArgumentException when {@code other} is of another kind: an NPS and a CSAT
     *     reading have no common population to merge into
     */
    MetricStatistics merge(MetricStatistics other);

    /** The metric's value, or empty when nothing was measured (never a made-up zero). */
    OptionalDouble value();

    /** How much evidence stands behind the value: responses, the ratio's denominator or the gauge's weight. */
    long count();

    default boolean isEmpty() {
        return count() == 0;
    }

    /** The identity of {@link #merge}: statistics of the given kind with nothing measured. */
    static MetricStatistics empty(MetricKind kind) {
        return switch (kind) {
            case NPS -> NpsStatistics.empty();
            case CSAT -> CsatStatistics.empty();
            case MEAN_SCORE -> MeanScoreStatistics.empty();
            case RATIO -> RatioStatistics.empty();
            case GAUGE -> GaugeStatistics.empty();
        };
    }
}
