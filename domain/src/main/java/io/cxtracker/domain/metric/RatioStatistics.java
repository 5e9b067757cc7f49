package io.cxtracker.domain.metric;

import static io.cxtracker.domain.metric.StatisticsChecks.kindMismatch;
import static io.cxtracker.domain.metric.StatisticsChecks.requireNonNegative;

import java.util.OptionalDouble;

/**
 * A part of a population, in percent: contacts resolved on the first day out of all contacts,
 * customers lost out of customers at the start. The part can never exceed the whole, which catches a
 * sender that swapped the two numbers.
 */
public record RatioStatistics(long numerator, long denominator) implements MetricStatistics {
    private static final RatioStatistics EMPTY = new RatioStatistics(0, 0);

    public RatioStatistics {
        requireNonNegative("numerator", numerator);
        requireNonNegative("denominator", denominator);
        if (numerator > denominator) {
            throw new IllegalArgumentException(
                    "numerator (" + numerator + ") cannot exceed denominator (" + denominator + ")");
        }
    }

    public static RatioStatistics empty() {
        return EMPTY;
    }

    @Override
    public MetricKind kind() {
        return MetricKind.RATIO;
    }

    @Override
    public RatioStatistics merge(MetricStatistics other) {
        if (!(other instanceof RatioStatistics that)) {
            throw kindMismatch(this, other);
        }
        return new RatioStatistics(
                Math.addExact(numerator, that.numerator), Math.addExact(denominator, that.denominator));
    }

    @Override
    public OptionalDouble value() {
        if (denominator == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * numerator / denominator);
    }

    @Override
    public long count() {
        return denominator;
    }
}
