package io.cxtracker.domain.metric;

import io.cxtracker.domain.shared.FieldViolation;
import java.util.List;

/**
 * What became of one submitted reading.
 *
 * @param index its position in the batch, from 0
 * @param reasons why it was rejected (empty otherwise), with the fields of the reading that were wrong
 */
public record ReadingOutcome(int index, String metricKey, String idempotencyKey, Status status, List<FieldViolation> reasons) {

    public enum Status {
        /** Stored now. */
        ACCEPTED,
        /** Its key was stored before (or earlier in the same batch); nothing was stored again. */
        DUPLICATE,
        /** Invalid; nothing was stored. */
        REJECTED
    }

    public ReadingOutcome {
        reasons = List.copyOf(reasons);
    }
}
