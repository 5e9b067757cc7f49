package io.cxtracker.domain.audit;

import java.security.PublicKey;

/** Signs checkpoints with the Ed25519 private key that lives outside the database. */
public interface CheckpointSigner {

    /** Base64 of the Ed25519 signature over the message. */
    String sign(byte[] message);

    PublicKey publicKey();
}
