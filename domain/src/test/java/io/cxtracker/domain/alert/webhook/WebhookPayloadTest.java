package io.cxtracker.domain.alert.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
    static final UUID KEY = UUID.fromString("6f1c2a9e-0b7d-4c1e-9a55-3d2f4e6a8b10");

    static DueDelivery overdue(int attempts) {
        return new DueDelivery(7, KEY, 3, URI.create("http://127.0.0.1:9/hook"), "whsec_s", attempts, "OVERDUE",
                "milestone", 12, "Launch \"callbacks\"", "Overdue: Launch \"callbacks\"", "was due\non 2026-12-01",
                "departments/support", 1, "CX 2026–2028", "support", LocalDate.parse("2026-12-01"), "IN_PROGRESS",
                Instant.parse("2026-12-03T08:00:00Z"));
    }

    @Test
    void aSlackAndTeamsReadableTextThenTheStructuredAlertInAFixedOrder() {
        String json = new String(WebhookPayload.of(overdue(0), URI.create("https://cx.example.com")), StandardCharsets.UTF_8);
        assertEquals("{\"text\":\"Overdue: Launch \\\"callbacks\\\" (CX 2026–2028 · support · due 2026-12-01) "
                + "https://cx.example.com/departments/support\","
                + "\"delivery\":\"6f1c2a9e-0b7d-4c1e-9a55-3d2f4e6a8b10\",\"kind\":\"OVERDUE\",\"kindLabel\":\"Milestone overdue\","
                + "\"title\":\"Overdue: Launch \\\"callbacks\\\"\",\"body\":\"was due\\non 2026-12-01\","
                + "\"subject\":{\"type\":\"milestone\",\"id\":12,\"title\":\"Launch \\\"callbacks\\\"\"},"
                + "\"program\":{\"id\":1,\"name\":\"CX 2026–2028\"},\"department\":\"support\",\"due\":\"2026-12-01\","
                + "\"status\":\"IN_PROGRESS\",\"link\":\"https://cx.example.com/departments/support\","
                + "\"raisedAt\":\"2026-12-03T08:00:00Z\"}", json);
    }

    @Test
    void everyAttemptSendsTheSameBytes() {
        URI base = URI.create("https://cx.example.com/");
        assertArrayEquals(WebhookPayload.of(overdue(0), base), WebhookPayload.of(overdue(3), base));
    }

    @Test
    void aDigestHasNoDepartmentDueDayOrStatus() {
        DueDelivery digest = new DueDelivery(8, KEY, 3, URI.create("http://127.0.0.1:9/hook"), "whsec_s", 0,
                "WEEKLY_DIGEST", "program", 1, "CX", "Weekly digest 2026-W49: CX", "What changed", "dashboard", 1, "CX",
                null, null, null, Instant.parse("2026-12-03T08:00:00Z"));
        String json = new String(WebhookPayload.of(digest, URI.create("https://cx.example.com/")), StandardCharsets.UTF_8);
        assertEquals(true, json.startsWith("{\"text\":\"Weekly digest 2026-W49: CX (CX) https://cx.example.com/dashboard\""), json);
        assertEquals(true, json.contains("\"department\":null,\"due\":null,\"status\":null"), json);
    }
}
