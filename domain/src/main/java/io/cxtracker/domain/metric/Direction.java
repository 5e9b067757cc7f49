package io.cxtracker.domain.metric;

/** Which way a metric improves: CSAT and NPS go up, churn and customer effort go down. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
