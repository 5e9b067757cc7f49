package io.cxtracker.api.audit;

import io.cxtracker.domain.audit.Checkpoint;
import java.time.LocalDate;

/**
 * A signed checkpoint: the audit chain's head ({@code seq}, {@code hash}) at {@code signedAt}, and the
 * Ed25519 {@code signature} (base64) over {@code signedText}, which is
 * {@code cx-audit-checkpoint:v1:<seq>:<hash>:<signedAt>} in UTF-8. {@code publicKey} is the signing key's
 * DER encoding in base64, {@code keyFingerprint} its SHA-256.
 */
public record CheckpointResponse(long id, long seq, String hash, String signedAt, String reason, LocalDate period,
        String signature, String keyFingerprint, String publicKey, String createdBy, String signedText) {

    public static CheckpointResponse of(Checkpoint c) {
        return new CheckpointResponse(c.id(), c.seq(), c.hash(), c.signedAtText(), c.reason(), c.period(), c.signature(),
                c.keyFingerprint(), c.publicKey(), c.createdBy(), c.signedText());
    }
}
