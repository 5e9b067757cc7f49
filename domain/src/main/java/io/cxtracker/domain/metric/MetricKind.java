package io.cxtracker.domain.metric;

/**
 * How a metric aggregates. The kind fixes which sufficient statistics a reading carries, so that a
 * roll-up over periods, departments or the whole program is computed from merged counts and is exact:
 * percentages are never averaged.
 */
public enum MetricKind {
    /** Net Promoter Score from 0–10 answers: promoters, passives, detractors. */
    NPS,
    /** Customer satisfaction from 1–5 answers: satisfied (4–5) out of responses. */
    CSAT,
    /** A mean of scores (Customer Effort Score, ratings): sum and count. */
    MEAN_SCORE,
    /** A share of a population (first-day resolution, first-contact resolution, churn). */
    RATIO,
    /** A level (customer lifetime value, handle time, sentiment index): last value or weighted mean. */
    GAUGE
}
