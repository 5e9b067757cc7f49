package io.cxtracker.domain.feedback;

import io.cxtracker.domain.security.CustomerVoiceAccess;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a feedback item; {@code departmentCode} is null when no department is concerned. In a view
 * {@linkplain #redactedFor redacted} for a reader, {@code text} is null when the reader may not read it, and
 * {@code source} and {@code idempotencyKey} are null unless the reader may see where items come from.
 */
public record FeedbackView(long id, FeedbackChannel channel, String text, double sentiment, List<String> themes,
        String departmentCode, Instant receivedAt, String source, String idempotencyKey) {

    public FeedbackView {
        themes = List.copyOf(themes);
    }

    /** What of this item the reader may see (ARCHITECTURE §1, reads): the withheld parts become null. */
    public FeedbackView redactedFor(CustomerVoiceAccess access) {
        boolean text = access.mayReadTextOf(departmentCode);
        if (text && access.provenance()) {
            return this;
        }
        return new FeedbackView(id, channel, text ? this.text : null, sentiment, themes, departmentCode, receivedAt,
                access.provenance() ? source : null, access.provenance() ? idempotencyKey : null);
    }

    /** Whether the text was withheld from the reader this view was redacted for. */
    public boolean textWithheld() {
        return text == null;
    }

    public static FeedbackView of(FeedbackItem item) {
        return new FeedbackView(item.id(), item.channel(), item.text(), item.sentiment(), item.themes(),
                item.department() == null ? null : item.department().code().value(), item.receivedAt(), item.source(),
                item.idempotencyKey());
    }
}
