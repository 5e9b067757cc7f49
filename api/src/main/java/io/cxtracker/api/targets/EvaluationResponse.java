package io.cxtracker.api.targets;

import io.cxtracker.domain.targets.Rag;
import io.cxtracker.domain.targets.TargetEvaluation;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A target's verdict on a day, by the rule of ARCHITECTURE §3: RAG, whether it is met, the window's current value
 * (from merged statistics), the least-squares forecast at the due date, the progress from baseline to target,
 * and the reason in words. Numbers are null when there is no data (never a made-up zero).
 */
@Schema(description = "A target's verdict: GREEN met or forecast meets it, AMBER forecast within tolerance, RED otherwise, NO_DATA without readings")
public record EvaluationResponse(LocalDate asOf, Rag rag, boolean met, Double current,
        @Schema(description = "the trend of the window projected to the due date; null once it has passed") Double forecast,
        @Schema(description = "share of the way from baseline to target, 1 = reached") Double progress,
        String reason) {

    public static EvaluationResponse of(LocalDate asOf, TargetEvaluation evaluation) {
        return new EvaluationResponse(asOf, evaluation.rag(), evaluation.met(), number(evaluation.current()),
                number(evaluation.forecast()), number(evaluation.progress()), evaluation.reason());
    }

    private static Double number(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
