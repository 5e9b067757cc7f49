package io.cxtracker.domain.audit;

/**
 * Whether the current chain still contains a signed checkpoint's head and everything before it.
 *
 * @param valid the signature is the audit key's and the recomputed chain reaches exactly the signed hash
 * @param signatureValid the signature verifies with the audit signing key's public key
 * @param keyMatches the checkpoint names the current key's fingerprint (or names none)
 * @param chainHash the current chain's hash at the checkpoint's sequence number; null when the chain no
 *        longer has that link
 * @param brokenSeq the first chain sequence number that no longer holds, as far as the chain and the signed
 *        checkpoints can tell; null when valid
 * @param intactThrough the highest chain sequence number proven unchanged by a signed checkpoint, below
 *        {@code brokenSeq}; 0 when none; null when valid
 * @param reason what was found, in words
 */
public record CheckpointVerification(boolean valid, long seq, String hash, boolean signatureValid, boolean keyMatches,
        String chainHash, Long brokenSeq, Long intactThrough, String reason) {
}
