package io.cxtracker.api.metric;

import io.cxtracker.api.problem.Problem;
import io.cxtracker.domain.metric.ReadingOutcome;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of one item of a batch. */
public record ReadingOutcomeResponse(
        @Schema(description = "position in the batch, from 0") int index,
        String idempotencyKey,
        @Schema(description = "ACCEPTED (stored now), DUPLICATE (its key was stored before or earlier in the batch), "
                + "REJECTED (invalid; nothing stored, see reasons)") ReadingOutcome.Status status,
        List<Problem.FieldError> reasons) {

    static ReadingOutcomeResponse of(ReadingOutcome outcome, int index) {
        return new ReadingOutcomeResponse(index, outcome.idempotencyKey(), outcome.status(),
                outcome.reasons().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }

    static ReadingOutcomeResponse rejected(int index, String idempotencyKey, List<Problem.FieldError> reasons) {
        return new ReadingOutcomeResponse(index, idempotencyKey, ReadingOutcome.Status.REJECTED, reasons);
    }
}
