package io.cxtracker.api.metric;

import io.cxtracker.domain.metric.StatisticsInput;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The sufficient statistics of a reading; give only the fields of the metric's kind.
 */
@Schema(description = "NPS: promoters, passives, detractors; CSAT: satisfied, responses; MEAN_SCORE: sum, count; "
        + "RATIO: numerator, denominator; GAUGE: value, optional weight and at")
public record StatisticsRequest(
        @PositiveOrZero(message = "must not be negative") Long promoters,
        @PositiveOrZero(message = "must not be negative") Long passives,
        @PositiveOrZero(message = "must not be negative") Long detractors,
        @PositiveOrZero(message = "must not be negative") Long satisfied,
        @PositiveOrZero(message = "must not be negative") Long responses,
        Double sum,
        @PositiveOrZero(message = "must not be negative") Long count,
        @PositiveOrZero(message = "must not be negative") Long numerator,
        @PositiveOrZero(message = "must not be negative") Long denominator,
        Double value,
        Long weight,
        Instant at) {

    StatisticsInput toInput() {
        return new StatisticsInput(promoters, passives, detractors, satisfied, responses, sum, count, numerator, denominator,
                value, weight, at);
    }
}
