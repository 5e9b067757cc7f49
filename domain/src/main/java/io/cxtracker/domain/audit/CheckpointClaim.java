package io.cxtracker.domain.audit;

import io.cxtracker.domain.shared.Violations;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A checkpoint as someone outside the database kept it (from a report, or from the checkpoint list):
 * what to verify the current chain against. Only what was signed and the signature are needed.
 */
public record CheckpointClaim(Long seq, String hash, Instant signedAt, String signature, String keyFingerprint) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{40,200}={0,2}");

    public CheckpointClaim {
        hash = hash == null ? null : hash.strip();
        signature = signature == null ? null : signature.strip();
        keyFingerprint = keyFingerprint == null || keyFingerprint.isBlank() ? null : keyFingerprint.strip();
        Violations violations = new Violations();
        violations.check(seq != null && seq >= 0, "seq", "is required: the checkpoint's chain sequence number, 0 or more");
        violations.check(hash != null && HEX64.matcher(hash).matches(), "hash", "must be 64 lower-case hex digits");
        violations.check(signedAt != null, "signedAt", "is required: the instant the checkpoint was signed");
        violations.check(signature != null && BASE64.matcher(signature).matches(), "signature", "must be base64");
        violations.check(keyFingerprint == null || HEX64.matcher(keyFingerprint).matches(), "keyFingerprint",
                "must be 64 lower-case hex digits");
        violations.throwIfAny();
    }

    public static CheckpointClaim of(Checkpoint checkpoint) {
        return new CheckpointClaim(checkpoint.seq(), checkpoint.hash(), checkpoint.signedAt(), checkpoint.signature(),
                checkpoint.keyFingerprint());
    }

    public byte[] signedBytes() {
        return Checkpoint.signedBytes(seq, hash, signedAt);
    }
}
