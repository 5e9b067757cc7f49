package io.cxtracker.domain.listen;

import io.cxtracker.domain.metric.CesScale;
import io.cxtracker.domain.metric.MetricKind;
import java.util.Locale;
import java.util.Optional;

/** The survey questions the product understands, the metric each one feeds, and that metric's kind. */
public enum SurveyKind {
    /** "How likely are you to recommend us?" 0–10, feeding the metric {@code nps}. */
    NPS(MetricKind.NPS, "nps"),
    /** "How satisfied were you?" 1–5, feeding the metric {@code csat}. */
    CSAT(MetricKind.CSAT, "csat"),
    /** "How easy was it?" on a configured scale (1–7 or 1–10), feeding the metric {@code ces}. */
    CES(MetricKind.MEAN_SCORE, CesScale.METRIC_KEY);

    private static final SurveyKind[] VALUES = values();

    private final MetricKind metricKind;
    private final String metricKey;

    SurveyKind(MetricKind metricKind, String metricKey) {
        this.metricKind = metricKind;
        this.metricKey = metricKey;
    }

    public MetricKind metricKind() {
        return metricKind;
    }

    /** The key of the metric whose readings this question's answers become. */
    public String metricKey() {
        return metricKey;
    }

    /** {@code nps}, {@code NPS} → NPS; empty for anything else. */
    public static Optional<SurveyKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // a file's rows name their kind as written here, and an import parses one per row: as given first
        Optional<SurveyKind> exact = named(text);
        return exact.isPresent() ? exact : named(text.strip().toUpperCase(Locale.ROOT));
    }

    private static Optional<SurveyKind> named(String name) {
        for (SurveyKind kind : VALUES) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
