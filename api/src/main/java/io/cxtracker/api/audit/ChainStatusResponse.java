package io.cxtracker.api.audit;

import io.cxtracker.domain.audit.ChainVerification;
import java.time.Instant;

/**
 * The audit chain's state: intact, or the first broken link (chain sequence number) and why; {@code records}
 * sealed links were checked and {@code pending} committed records still await the sealer. Only a signed
 * checkpoint proves that nothing was cut off the end or rewritten with recomputed hashes: see
 * /api/audit/checkpoints.
 */
public record ChainStatusResponse(boolean intact, long records, Long brokenSeq, String reason, Long lastSeq,
        String lastHash, long pending, Instant checkedAt) {

    static ChainStatusResponse of(ChainVerification v, Instant checkedAt) {
        return new ChainStatusResponse(v.intact(), v.records(), v.brokenSeq(), v.reason(), v.lastSeq(), v.lastHash(),
                v.pending(), checkedAt);
    }
}
