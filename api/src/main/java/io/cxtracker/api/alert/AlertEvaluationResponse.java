package io.cxtracker.api.alert;

import io.cxtracker.domain.alert.AlertEvaluation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one run of the scheduled rules did. */
@Schema(description = "One run of the alert rules: what they looked at, raised, and stored as new")
public record AlertEvaluationResponse(int programs, int milestones, int targets, int commitments,
        @Schema(description = "alerts raised, one per audience") int raised,
        @Schema(description = "of those, the new ones; the rest were stored by an earlier run") int stored) {

    static AlertEvaluationResponse of(AlertEvaluation e) {
        return new AlertEvaluationResponse(e.programs(), e.milestones(), e.targets(), e.commitments(), e.raised(),
                e.stored());
    }
}
