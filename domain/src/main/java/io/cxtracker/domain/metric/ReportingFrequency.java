package io.cxtracker.domain.metric;

/** How often a metric's sources are expected to report, so silence can be noticed. */
public enum ReportingFrequency {
    DAILY,
    WEEKLY,
    MONTHLY,
    QUARTERLY
}
