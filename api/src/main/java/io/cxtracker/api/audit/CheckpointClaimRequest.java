package io.cxtracker.api.audit;

/**
 * A checkpoint to verify, as a report or the checkpoint list gave it: seq, hash, signedAt (the text the
 * report prints, e.g. 2026-12-07T00:00:00.123456Z), signature (base64) and, optionally, keyFingerprint.
 * {@code id} is accepted so that a report's checkpoint object can be sent as it is, and ignored: the
 * signature covers seq, hash and signedAt, and a stored copy proves nothing the database owner could not forge.
 */
public record CheckpointClaimRequest(Long id, Long seq, String hash, String signedAt, String signature,
        String keyFingerprint) {
}
