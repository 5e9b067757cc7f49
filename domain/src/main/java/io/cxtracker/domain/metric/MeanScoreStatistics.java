package io.cxtracker.domain.metric;

import static io.cxtracker.domain.metric.StatisticsChecks.kindMismatch;
import static io.cxtracker.domain.metric.StatisticsChecks.requireFinite;
import static io.cxtracker.domain.metric.StatisticsChecks.requireNonNegative;

import java.util.OptionalDouble;

/**
 * Scores averaged over answers (Customer Effort Score, star ratings): sum / count.
 *
 * <p>The sum is a double because some sources send fractional ratings. Survey answers are whole
 * numbers, and a double adds whole numbers exactly up to 2<sup>53</sup>, so merges of survey answers
 * stay exact in any order. The scale (1–7, 1–10, …) belongs to the metric, so scores are not
 * range-checked here.
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
