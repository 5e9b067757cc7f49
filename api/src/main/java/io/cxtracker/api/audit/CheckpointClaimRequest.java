package io.cxtracker.api.audit;

/**
 * A checkpoint to verify, as a report or the checkpoint list gave it: seq, hash, signedAt (the text the
 * report prints, e.g. 2026-12-07T00:00:00.123456Z), signature (base64) and, optionally, keyFingerprint.
 */
public record CheckpointClaimRequest(Long seq, String hash, String signedAt, String signature, String keyFingerprint) {
}
