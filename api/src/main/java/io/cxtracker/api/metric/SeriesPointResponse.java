package io.cxtracker.api.metric;

import io.cxtracker.domain.metric.SeriesBucketView;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One period of a series: its days, its exact value from merged statistics, the evidence behind it. */
public record SeriesPointResponse(LocalDate start,
        @Schema(description = "the last day of the period") LocalDate end,
        @Schema(description = "null when nothing was measured") Double value,
        @Schema(description = "responses, denominator or gauge weight behind the value") long count,
        StatisticsResponse statistics) {

    static SeriesPointResponse of(SeriesBucketView bucket) {
        return new SeriesPointResponse(bucket.start(), bucket.end().minusDays(1), bucket.value(), bucket.count(),
                StatisticsResponse.of(bucket.statistics()));
    }
}
