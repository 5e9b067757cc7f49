package io.cxtracker.api.listen;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cxtracker.domain.feedback.FeedbackChannel;
import io.cxtracker.domain.feedback.FeedbackView;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A feedback item as the API shows it to the caller; {@code departmentCode} is null when no department is concerned.
 * What the caller may not read is absent, not null (ARCHITECTURE §1, reads): {@code text} for a lead reading another
 * department's items, {@code source} and {@code idempotencyKey} for everyone but program admins.
 */
public record FeedbackResponse(long id, FeedbackChannel channel,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "what the customer said; absent for a department lead reading another department's item")
        String text,
        double sentiment, List<String> themes, String departmentCode, Instant receivedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "who sent the item; program admins only")
        String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "the sender's key; program admins only")
        String idempotencyKey) {

    static FeedbackResponse of(FeedbackView v) {
        return new FeedbackResponse(v.id(), v.channel(), v.text(), v.sentiment(), v.themes(), v.departmentCode(),
                v.receivedAt(), v.source(), v.idempotencyKey());
    }
}
