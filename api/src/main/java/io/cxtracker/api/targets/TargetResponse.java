package io.cxtracker.api.targets;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cxtracker.domain.targets.TargetStatus;
import io.cxtracker.domain.targets.TargetSummary;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A target; {@code version} is its ETag. {@code evaluation} (today's verdict) is given by
 * {@code GET /api/targets/{id}} and the metric and department views, not by lists and writes; a list as of a past
 * instant gives each target's verdict of then.
 */
public record TargetResponse(long id, String metricKey,
        @Schema(description = "null for the whole company") String departmentCode,
        double baseline, double targetValue, LocalDate due, double amberTolerance, int windowDays, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) EvaluationResponse evaluation) {

    public static TargetResponse of(TargetSummary t) {
        return new TargetResponse(t.id(), t.metricKey(), t.departmentCode(), t.baseline(), t.targetValue(), t.due(),
                t.amberTolerance(), t.windowDays(), t.version(), null);
    }

    public static TargetResponse of(TargetStatus status) {
        TargetSummary t = status.target();
        return new TargetResponse(t.id(), t.metricKey(), t.departmentCode(), t.baseline(), t.targetValue(), t.due(),
                t.amberTolerance(), t.windowDays(), t.version(), EvaluationResponse.of(status.asOf(), status.evaluation()));
    }
}
