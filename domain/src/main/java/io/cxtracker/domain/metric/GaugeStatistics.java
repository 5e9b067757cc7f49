package io.cxtracker.domain.metric;

import static io.cxtracker.domain.metric.StatisticsChecks.kindMismatch;
import static io.cxtracker.domain.metric.StatisticsChecks.requireFinite;
import static io.cxtracker.domain.metric.StatisticsChecks.requireNonNegative;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A level that is read rather than counted (customer lifetime value, handle time, a sentiment index).
 * Some gauges are reported as their latest reading, others as a mean weighted by what each reading
 * stands for (calls behind an average handle time); both are kept so either survives merges. The weight
 * and the latest reading merge exactly in any order; the weighted sum is a double, exact in any order for
 * values that are multiples of a power of two (whole seconds, quarter seconds) and otherwise within
 * γ<sub>n−1</sub>·Σ|weighted sum| of the exact total, as for {@link MeanScoreStatistics}.
 *
 * <p>Empty statistics have weight 0, no {@code lastAt}, and zero sum and last value.
 */
public record GaugeStatistics(double weightedSum, long weight, double lastValue, Instant lastAt)
        implements MetricStatistics {
    private static final GaugeStatistics EMPTY = new GaugeStatistics(0, 0, 0, null);

    public GaugeStatistics {
        requireFinite("weightedSum", weightedSum);
        requireNonNegative("weight", weight);
        requireFinite("lastValue", lastValue);
        if (weight == 0 && (lastAt != null || weightedSum != 0 || lastValue != 0)) {
            throw new IllegalArgumentException("gauge statistics without weight hold no values");
        }
        if (weight > 0 && lastAt == null) {
            throw new IllegalArgumentException("gauge statistics with weight need the time of the last value");
        }
    }

    public static GaugeStatistics empty() {
        return EMPTY;
    }

    /** One reading standing for a single observation. */
    public static GaugeStatistics of(double value, Instant at) {
        return of(value, 1, at);
    }

    /** One reading standing for {@code weight} observations, e.g. a mean handle time over 30 calls. */
    public static GaugeStatistics of(double value, long weight, Instant at) {
        requireFinite("value", value);
        if (weight < 1) {
            throw new IllegalArgumentException("a gauge reading needs a weight of at least 1, was " + weight);
        }
        if (at == null) {
            throw new IllegalArgumentException("a gauge reading needs the time it was taken");
        }
        return new GaugeStatistics(value * weight, weight, value, at);
    }

    @Override
    public MetricKind kind() {
        return MetricKind.GAUGE;
    }

    @Override
    public GaugeStatistics merge(MetricStatistics other) {
        if (!(other instanceof GaugeStatistics that)) {
            throw kindMismatch(this, other);
        }
        GaugeStatistics latest = isLaterThan(that) ? this : that;
        return new GaugeStatistics(
                weightedSum + that.weightedSum,
                Math.addExact(weight, that.weight),
                latest.lastValue,
                latest.lastAt);
    }

    // Two readings at the same instant are ordered by value so that merge stays commutative: the result
    // must not depend on which department's reading happened to be merged first.
    private boolean isLaterThan(GaugeStatistics that) {
        if (that.lastAt == null) {
            return true;
        }
        if (lastAt == null) {
            return false;
        }
        int byTime = lastAt.compareTo(that.lastAt);
        return byTime != 0 ? byTime > 0 : Double.compare(lastValue, that.lastValue) >= 0;
    }

    /**
     * The weighted mean: the gauge's value over a window, because a merged window has no single "now".
     * Metrics reported as their latest level read {@link #last()} instead.
     */
    @Override
    public OptionalDouble value() {
        return weightedMean();
    }

    public OptionalDouble weightedMean() {
        if (weight == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(weightedSum / weight);
    }

    public OptionalDouble last() {
        return lastAt == null ? OptionalDouble.empty() : OptionalDouble.of(lastValue);
    }

    @Override
    public long count() {
        return weight;
    }
}
