package io.cxtracker.api.listen;

import io.cxtracker.domain.feedback.FeedbackChannel;
import io.cxtracker.domain.feedback.FeedbackView;
import java.time.Instant;
import java.util.List;

/** A feedback item as the API shows it; {@code departmentCode} is null when no department is concerned. */
public record FeedbackResponse(long id, FeedbackChannel channel, String text, double sentiment, List<String> themes,
        String departmentCode, Instant receivedAt, String source, String idempotencyKey) {

    static FeedbackResponse of(FeedbackView v) {
        return new FeedbackResponse(v.id(), v.channel(), v.text(), v.sentiment(), v.themes(), v.departmentCode(),
                v.receivedAt(), v.source(), v.idempotencyKey());
    }
}
