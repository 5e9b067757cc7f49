package io.cxtracker.domain.alert.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The signature against values computed outside the code (RFC 2104 HMAC-SHA256 by openssl, and Wikipedia's example). */
class WebhookSignatureTest {

    @Test
    void signsTheExactBodyBytesWithTheSecretAsLowercaseHex() {
        // printf '%s' '{"text":"Overdue: Launch callbacks"}' | openssl dgst -sha256 -hmac 'whsec_known-secret'
        byte[] body = "{\"text\":\"Overdue: Launch callbacks\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("sha256=48a4e6c48ad3ca4c112c526b43686a4c5a3bfd8f0bdb6180660fb4aa09fcb8af",
                WebhookSignature.of("whsec_known-secret", body));
    }

    @Test
    void matchesTheTextbookExample() {
        assertEquals("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                WebhookSignature.of("key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)));
        assertEquals("sha256=5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0",
                WebhookSignature.of("key", new byte[0]));
    }

    @Test
    void oneByteMoreOrAnotherSecretIsAnotherSignature() {
        byte[] body = "{\"text\":\"Overdue: Launch callbacks\"}".getBytes(StandardCharsets.UTF_8);
        byte[] spaced = "{\"text\": \"Overdue: Launch callbacks\"}".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(WebhookSignature.of("whsec_known-secret", body), WebhookSignature.of("whsec_known-secret", spaced));
        assertNotEquals(WebhookSignature.of("whsec_known-secret", body), WebhookSignature.of("whsec_known-secreT", body));
    }
}
