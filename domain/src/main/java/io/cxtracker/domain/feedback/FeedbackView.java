package io.cxtracker.domain.feedback;

import java.time.Instant;
import java.util.List;

/** A snapshot of a feedback item; {@code departmentCode} is null when no department is concerned. */
public record FeedbackView(long id, FeedbackChannel channel, String text, double sentiment, List<String> themes,
        String departmentCode, Instant receivedAt, String source, String idempotencyKey) {

    public FeedbackView {
        themes = List.copyOf(themes);
    }

    public static FeedbackView of(FeedbackItem item) {
        return new FeedbackView(item.id(), item.channel(), item.text(), item.sentiment(), item.themes(),
                item.department() == null ? null : item.department().code().value(), item.receivedAt(), item.source(),
                item.idempotencyKey());
    }
}
