package io.cxtracker.domain.alert.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A webhook's signing secret: 32 random bytes, base64url, with a prefix that says what it is when it turns up in a
 * receiver's configuration. The server keeps it to sign and shows it once, in the answer that creates the webhook.
 */
public final class WebhookSecret {
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
