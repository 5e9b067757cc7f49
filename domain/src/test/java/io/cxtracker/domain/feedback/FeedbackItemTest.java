package io.cxtracker.domain.feedback;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackItemTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void keepsThemesSortedAndDistinct() {
        FeedbackItem item = new FeedbackItem(FeedbackChannel.CALL, " Waited 40 minutes. ", -0.8,
                List.of("long-hold-times", "callbacks", "long-hold-times"), null, NOW.minusSeconds(60), "call-analytics",
                "c-1", NOW);
        assertEquals(List.of("callbacks", "long-hold-times"), item.themes());
        assertEquals("Waited 40 minutes.", item.text());
    }

    @Test
    void namesEveryBadField() {
        fields(() -> new FeedbackItem(null, " ", 1.5, List.of("Not A Slug", "ok-theme"), null, NOW.plusSeconds(301), "",
                        null, NOW),
                "channel", "text", "sentiment", "themes[0]", "receivedAt", "source", "idempotencyKey");
        fields(() -> new FeedbackItem(FeedbackChannel.CHAT, "x", Double.NaN, List.of(), null, NOW, "s", "k", NOW),
                "sentiment", "themes");
    }

    @Test
    void sentimentRunsFromMinusOneToOneInclusive() {
        new FeedbackItem(FeedbackChannel.CHAT, "x", -1.0, List.of("ab"), null, NOW, "s", "k", NOW);
        new FeedbackItem(FeedbackChannel.CHAT, "x", 1.0, List.of("ab"), null, NOW, "s", "k", NOW);
        fields(() -> new FeedbackItem(FeedbackChannel.CHAT, "x", -1.01, List.of("ab"), null, NOW, "s", "k", NOW), "sentiment");
    }
}
