package io.cxtracker.domain.listen;

import io.cxtracker.domain.metric.MetricKind;

/** The survey questions the product understands, and the metric kind each one feeds. */
public enum SurveyKind {
    /** "How likely are you to recommend us?" 0–10. */
    NPS(MetricKind.NPS),
    /** "How satisfied were you?" 1–5. */
    CSAT(MetricKind.CSAT),
    /** "How easy was it?" on a configured scale (1–7 or 1–10). */
    CES(MetricKind.MEAN_SCORE);

    private final MetricKind metricKind;

    SurveyKind(MetricKind metricKind) {
        this.metricKind = metricKind;
    }

    public MetricKind metricKind() {
        return metricKind;
    }
}
