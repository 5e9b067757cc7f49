package io.cxtracker.api.metric;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.GaugeStatistics;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.RatioStatistics;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Merged sufficient statistics; only the fields of the kind are present. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The merged statistics behind a value, so a client can check it or merge further")
public record StatisticsResponse(MetricKind kind, Long promoters, Long passives, Long detractors, Long satisfied,
        Long responses, Double sum, Long count, Long numerator, Long denominator, Double weightedSum, Long weight,
        Double lastValue, Instant lastAt) {

    static StatisticsResponse of(MetricStatistics statistics) {
        return switch (statistics) {
            case NpsStatistics s -> new StatisticsResponse(MetricKind.NPS, s.promoters(), s.passives(), s.detractors(),
                    null, null, null, null, null, null, null, null, null, null);
            case CsatStatistics s -> new StatisticsResponse(MetricKind.CSAT, null, null, null, s.satisfied(), s.responses(),
                    null, null, null, null, null, null, null, null);
            case MeanScoreStatistics s -> new StatisticsResponse(MetricKind.MEAN_SCORE, null, null, null, null, null,
                    s.sum(), s.count(), null, null, null, null, null, null);
            case RatioStatistics s -> new StatisticsResponse(MetricKind.RATIO, null, null, null, null, null, null, null,
                    s.numerator(), s.denominator(), null, null, null, null);
            case GaugeStatistics s -> new StatisticsResponse(MetricKind.GAUGE, null, null, null, null, null, null, null,
                    null, null, s.weightedSum(), s.weight(), s.lastValue(), s.lastAt());
        };
    }
}
