package io.cxtracker.domain.listen;

import io.cxtracker.domain.metric.ReadingOutcome.Status;
import io.cxtracker.domain.shared.FieldViolation;
import java.util.List;

/**
 * What became of one item of a bulk submission (a survey response, a feedback item).
 *
 * @param index its position in the batch, from 0
 * @param status ACCEPTED (stored now), DUPLICATE (its key was stored before, or earlier in the batch) or REJECTED
 * @param reasons why it was rejected, naming the item's bad fields; empty otherwise
 */
public record BatchOutcome(int index, String idempotencyKey, Status status, List<FieldViolation> reasons) {

    public BatchOutcome {
        reasons = List.copyOf(reasons);
    }

    public static BatchOutcome rejected(int index, String idempotencyKey, List<FieldViolation> reasons) {
        return new BatchOutcome(index, idempotencyKey, Status.REJECTED, reasons);
    }
}
