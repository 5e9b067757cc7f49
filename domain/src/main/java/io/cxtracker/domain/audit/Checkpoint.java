package io.cxtracker.domain.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A signed checkpoint: the head of the audit chain (its last link's chain sequence number and hash) at an
 * instant, signed with the Ed25519 key that lives outside the database. Whoever keeps a copy (a report
 * carries one) can later prove that the chain still contains that head and everything before it, which
 * the chain alone cannot prove against the database owner: the owner can rewrite a record and recompute
 * every later hash, or cut off the tail, but cannot sign.
 *
 * @param id the checkpoint's number in the database
 * @param seq the chain sequence number of the head (0: the chain was empty)
 * @param hash the head's hash (64 zeros when the chain was empty)
 * @param signature base64 of the Ed25519 signature over {@link #signedText()}
 * @param keyFingerprint SHA-256 (hex) of the public key's DER encoding
 * @param publicKey base64 of the public key's DER (SubjectPublicKeyInfo) encoding
 * @param reason {@code daily}, {@code report} or {@code manual}
 * @param period the day of a daily checkpoint, else null
 */
public record Checkpoint(long id, long seq, String hash, Instant signedAt, String reason, LocalDate period,
        String signature, String keyFingerprint, String publicKey, String createdBy) {

    public static final String DAILY = "daily";
    public static final String REPORT = "report";
    public static final String MANUAL = "manual";
    /** The hash of the empty chain (the prev_hash of the first link). */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The signing instant as the signed text writes it. */
    public String signedAtText() {
        return MICROS.format(signedAt);
    }

    public String signedText() {
        return signedText(seq, hash, signedAt);
    }

    /**
     * The one definition of what a checkpoint signs: the UTF-8 bytes of
     * {@code cx-audit-checkpoint:v1:<seq>:<hash>:<signedAt>}, the instant written in UTC with microseconds
     * ({@code 2026-12-07T00:00:00.123456Z}), as PostgreSQL stores it. No line break at the end.
     */
    public static String signedText(long seq, String hash, Instant signedAt) {
        return "cx-audit-checkpoint:v1:" + seq + ":" + hash + ":" + MICROS.format(signedAt);
    }

    public static byte[] signedBytes(long seq, String hash, Instant signedAt) {
        return signedText(seq, hash, signedAt).getBytes(StandardCharsets.UTF_8);
    }

    /** The instant as a checkpoint keeps it: PostgreSQL's microseconds. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
