package io.cxtracker.domain.alert.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-CX-Signature} of a delivery: {@code sha256=} and the lowercase hex HMAC-SHA256 of the exact body
 * bytes, keyed with the webhook's secret as shown at its creation (its UTF-8 bytes). A receiver computes the same
 * over the raw body it got, before parsing it, and compares in constant time.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-CX-Signature";
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
