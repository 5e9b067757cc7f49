package io.cxtracker.domain.metric;

import static io.cxtracker.domain.metric.StatisticsChecks.kindMismatch;
import static io.cxtracker.domain.metric.StatisticsChecks.requireFinite;
import static io.cxtracker.domain.metric.StatisticsChecks.requireNonNegative;

import java.util.OptionalDouble;

/**
 * Scores averaged over answers (Customer Effort Score, star ratings): sum / count.
 *
 * <p>The sum is a double because some sources send fractional ratings. How exact a merge is depends on
 * the ratings: the count is always exact; the sum is exact in any order and grouping when every rating
 * is a multiple of a power of two (whole numbers as surveys give, halves, quarters) and the sum stays
 * below 2<sup>53</sup> of that unit. Other fractions (4.3 stars) have no exact double: each merge
 * rounds once, so a roll-up of n sums lies within γ<sub>n−1</sub>·Σ|sum| of the exact total
 * (γ<sub>k</sub> = ku/(1−ku), u = 2<sup>−53</sup>: about 1e-16 relative per merge) whatever the
 * grouping, and two groupings may differ in the last bits (MergeAnyPartitionPropertyTest). The scale
 * (1–7, 1–10, …) belongs to the metric, so scores are not range-checked here.
 */
public record MeanScoreStatistics(double sum, long count) implements MetricStatistics {
    private static final MeanScoreStatistics EMPTY = new MeanScoreStatistics(0, 0);

    public MeanScoreStatistics {
        requireFinite("sum", sum);
        requireNonNegative("count", count);
        if (count == 0 && sum != 0) {
            throw new IllegalArgumentException("a sum of " + sum + " needs at least one score");
        }
    }

    public static MeanScoreStatistics empty() {
        return EMPTY;
    }

    public static MeanScoreStatistics ofScore(double score) {
        return new MeanScoreStatistics(score, 1);
    }

    @Override
    public MetricKind kind() {
        return MetricKind.MEAN_SCORE;
    }

    @Override
    public MeanScoreStatistics merge(MetricStatistics other) {
        if (!(other instanceof MeanScoreStatistics that)) {
            throw kindMismatch(this, other);
        }
        return new MeanScoreStatistics(sum + that.sum, Math.addExact(count, that.count));
    }

    @Override
    public OptionalDouble value() {
        if (count == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(sum / count);
    }
}
