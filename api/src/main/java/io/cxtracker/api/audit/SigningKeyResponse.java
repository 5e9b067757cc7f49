package io.cxtracker.api.audit;

/** The public half of the audit signing key, to verify checkpoints by hand (docs/AUDIT.md). */
public record SigningKeyResponse(String algorithm, String keyFingerprint, String publicKeyPem) {
}
