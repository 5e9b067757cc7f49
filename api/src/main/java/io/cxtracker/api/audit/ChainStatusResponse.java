package io.cxtracker.api.audit;

import io.cxtracker.domain.audit.ChainVerification;
import java.time.Instant;

/**
 * The audit chain's state: intact, or the first broken record and why. Keep {@code lastSeq} and
 * {@code lastHash}: a later check that still reaches them shows nothing was cut off the end.
 */
public record ChainStatusResponse(boolean intact, long records, Long brokenSeq, String reason, Long lastSeq,
        String lastHash, Instant checkedAt) {

    static ChainStatusResponse of(ChainVerification v, Instant checkedAt) {
        return new ChainStatusResponse(v.intact(), v.records(), v.brokenSeq(), v.reason(), v.lastSeq(), v.lastHash(), checkedAt);
    }
}
