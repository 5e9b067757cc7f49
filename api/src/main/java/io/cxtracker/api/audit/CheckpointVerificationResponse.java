package io.cxtracker.api.audit;

import io.cxtracker.domain.audit.CheckpointVerification;

/**
 * Whether the current audit chain still contains a signed checkpoint's head and everything before it.
 * When not, the change lies in the links {@code intactThrough + 1} to {@code brokenSeq} (one link when they
 * are adjacent): the highest signed checkpoint that still holds and the lowest that no longer does.
 */
public record CheckpointVerificationResponse(boolean valid, long seq, String hash, boolean signatureValid,
        boolean keyMatches, String chainHash, Long brokenSeq, Long intactThrough, String reason) {

    public static CheckpointVerificationResponse of(CheckpointVerification v) {
        return new CheckpointVerificationResponse(v.valid(), v.seq(), v.hash(), v.signatureValid(), v.keyMatches(),
                v.chainHash(), v.brokenSeq(), v.intactThrough(), v.reason());
    }
}
