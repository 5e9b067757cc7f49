package io.cxtracker.api.listen;

import io.cxtracker.api.problem.Problem;
import io.cxtracker.domain.listen.BatchOutcome;
import io.cxtracker.domain.metric.ReadingOutcome;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of one item of a bulk request. */
public record BatchItemResponse(
        @Schema(description = "position in the batch, from 0") int index,
        String idempotencyKey,
        @Schema(description = "ACCEPTED (stored now), DUPLICATE (its key was stored before or earlier in the batch), "
                + "REJECTED (invalid; nothing stored, see reasons)") ReadingOutcome.Status status,
        List<Problem.FieldError> reasons) {

    static BatchItemResponse of(BatchOutcome outcome) {
        return new BatchItemResponse(outcome.index(), outcome.idempotencyKey(), outcome.status(),
                outcome.reasons().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }

    static BatchItemResponse rejected(int index, String idempotencyKey, List<Problem.FieldError> reasons) {
        return new BatchItemResponse(index, idempotencyKey, ReadingOutcome.Status.REJECTED, reasons);
    }
}
