package io.cxtracker.api.listen;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.feedback.FeedbackItem;
import io.cxtracker.domain.feedback.NewFeedback;
import io.cxtracker.domain.feedback.Theme;
import io.cxtracker.domain.metric.Reading;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of {@code POST /api/feedback}. */
@Schema(description = "One piece of the voice of the customer: channel, text, sentiment, themes, and the sender's key")
public record FeedbackRequest(
        @Schema(description = "SURVEY, REVIEW, SOCIAL, CALL, CHAT or EMAIL", required = true)
        @NotBlank(message = "is required") String channel,
        @NotBlank(message = "is required")
        @Size(max = FeedbackItem.TEXT_MAX_LENGTH, message = "must be at most " + FeedbackItem.TEXT_MAX_LENGTH + " characters")
        String text,
        @Schema(description = "-1 (very negative) to 1 (very positive)", required = true)
        @NotNull(message = "is required")
        @DecimalMin(value = "-1", message = "must be between -1 and 1")
        @DecimalMax(value = "1", message = "must be between -1 and 1")
        Double sentiment,
        @Schema(description = "1 to 10 theme slugs, e.g. long-hold-times", required = true)
        @NotNull(message = "is required")
        @Size(min = 1, max = FeedbackItem.MAX_THEMES, message = "must name 1 to " + FeedbackItem.MAX_THEMES + " themes")
        List<@NotNull(message = "must be a theme") @Pattern(regexp = Theme.REGEX, message = "must be " + Theme.RULE) String> themes,
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE)
        String departmentCode,
        @Schema(description = "when the customer said it (ISO-8601 with offset)", required = true)
        @NotNull(message = "is required") Instant receivedAt,
        @Schema(description = "the listening tool, e.g. trustpilot; default: the sending client's name")
        @Size(max = Reading.SOURCE_MAX_LENGTH, message = "must be at most " + Reading.SOURCE_MAX_LENGTH + " characters")
        String source,
        @NotBlank(message = "is required")
        @Size(max = Reading.IDEMPOTENCY_KEY_MAX_LENGTH, message = "must be at most " + Reading.IDEMPOTENCY_KEY_MAX_LENGTH
                + " characters") String idempotencyKey) implements JsonBody {

    NewFeedback toCommand() {
        return new NewFeedback(channel, text, sentiment, themes, departmentCode, receivedAt, source, idempotencyKey);
    }
}
