package io.cxtracker.domain.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 digests as the reports write them: 64 lower-case hex digits. */
public final class Sha256 {
    public static final String REGEX = "[0-9a-f]{64}";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    public static String of(byte[] bytes) {
        return hex(newDigest().digest(bytes));
    }

    public static boolean isHex(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }
}
