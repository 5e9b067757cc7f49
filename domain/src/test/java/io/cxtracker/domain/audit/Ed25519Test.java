package io.cxtracker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Signing and verifying with a fixed key: the first test vector of RFC 8032 (section 7.1, TEST 1), whose
 * public key and signature are published there, so the JDK's Ed25519 and this class's PEM handling are
 * checked against numbers computed elsewhere.
 */
class Ed25519Test {
    /** RFC 8032 7.1 TEST 1: the secret key (seed), its public key, and the signature of the empty message. */
    static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String EMPTY_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    /** The same seed as openssl writes it (PKCS#8: a fixed 16-byte prefix, then the 32-byte seed). */
    static final String PEM = "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getEncoder().encodeToString(HexFormat.of().parseHex("302e020100300506032b657004220420" + SEED))
            + "\n-----END PRIVATE KEY-----\n";

    static PrivateKey key() {
        return Ed25519.privateKeyFromPem(PEM);
    }

    @Test
    void theRfc8032VectorSignsAndVerifies() {
        PrivateKey key = key();
        PublicKey publicKey = Ed25519.publicKeyOf(key);
        byte[] der = publicKey.getEncoded();
        // SubjectPublicKeyInfo: 12-byte prefix, then the 32-byte point of the RFC
        assertEquals("302a300506032b6570032100" + PUBLIC, HexFormat.of().formatHex(der));
        String signature = Ed25519.sign(key, new byte[0]);
        assertEquals(EMPTY_SIGNATURE, HexFormat.of().formatHex(Base64.getDecoder().decode(signature)));
        assertTrue(Ed25519.verify(publicKey, new byte[0], signature));
    }

    @Test
    void aSignatureOverOtherBytesOrByAnotherKeyOrMalformedFails() {
        PublicKey publicKey = Ed25519.publicKeyOf(key());
        String signature = Ed25519.sign(key(), "a".getBytes(StandardCharsets.UTF_8));
        assertTrue(Ed25519.verify(publicKey, "a".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(Ed25519.verify(publicKey, "b".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(Ed25519.verify(Ed25519.generate().getPublic(), "a".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(Ed25519.verify(publicKey, "a".getBytes(StandardCharsets.UTF_8), "not base64!"));
        assertFalse(Ed25519.verify(publicKey, "a".getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void pemRoundTripsAndTheFingerprintIsTheSha256OfTheDer() {
        PrivateKey key = key();
        PrivateKey again = Ed25519.privateKeyFromPem(Ed25519.privateKeyPem(key));
        assertEquals(Ed25519.sign(key, new byte[] {1}), Ed25519.sign(again, new byte[] {1}));
        PublicKey publicKey = Ed25519.publicKeyOf(key);
        assertEquals(io.cxtracker.domain.report.Sha256.of(HexFormat.of().parseHex("302a300506032b6570032100" + PUBLIC)),
                Ed25519.fingerprint(publicKey));
        assertTrue(Ed25519.publicKeyPem(publicKey).startsWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"));
        assertThrows(IllegalArgumentException.class, () -> Ed25519.privateKeyFromPem("-----BEGIN PUBLIC KEY-----\nAA==\n-----END PUBLIC KEY-----"));
        assertThrows(IllegalArgumentException.class, () -> Ed25519.privateKeyFromPem("no key"));
    }

    @Test
    void aCheckpointSignsOneDocumentedLineWithMicroseconds() {
        String hash = "ab".repeat(32);
        assertEquals("cx-audit-checkpoint:v1:42:" + hash + ":2026-12-07T00:00:00.123456Z",
                Checkpoint.signedText(42, hash, Instant.parse("2026-12-07T00:00:00.123456789Z").truncatedTo(
                        java.time.temporal.ChronoUnit.MICROS)));
        assertEquals("cx-audit-checkpoint:v1:0:" + Checkpoint.GENESIS + ":2026-01-31T23:59:59.000000Z",
                Checkpoint.signedText(0, Checkpoint.GENESIS, Instant.parse("2026-01-31T23:59:59Z")));
    }
}
