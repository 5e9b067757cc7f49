package io.cxtracker.domain.metric;

/**
 * How a metric aggregates. The kind fixes which sufficient statistics a reading carries, so that a
 * roll-up over periods, departments or the whole program is computed from merged counts, never from
 * averaged percentages. Counts (NPS, CSAT, ratio, every count and weight) merge exactly in any grouping;
 * the double sums of mean scores and gauges are exact for whole and power-of-two fractional values and
 * otherwise within the rounding bound of {@link MeanScoreStatistics}.
 */
public enum MetricKind {
    /** Net Promoter Score from 0–10 answers: promoters, passives, detractors. */
    NPS(-100, 100),
    /** Customer satisfaction from 1–5 answers: satisfied (4–5) out of responses, in percent. */
    CSAT(0, 100),
    /** A mean of scores (Customer Effort Score, ratings): sum and count; the scale is the metric's own. */
    MEAN_SCORE(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
    /** A share of a population (first-day resolution, first-contact resolution, churn), in percent. */
    RATIO(0, 100),
    /** A level (customer lifetime value, handle time, sentiment index): last value or weighted mean. */
    GAUGE(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final double lowest;
    private final double highest;

    MetricKind(double lowest, double highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    /**
     * The nearest value this kind can take: a straight line through noisy data happily runs past an NPS of
     * 100 or below a share of 0 %, and a forecast nobody can reach must not decide a status.
     */
    public double withinRange(double value) {
        return Math.max(lowest, Math.min(highest, value));
    }
}
