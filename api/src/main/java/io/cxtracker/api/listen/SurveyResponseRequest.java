package io.cxtracker.api.listen;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.listen.NewSurveyResponse;
import io.cxtracker.domain.listen.SurveyResponse;
import io.cxtracker.domain.metric.Reading;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of {@code POST /api/survey-responses}. */
@Schema(description = "One survey answer: the question, the score, when, where, and the sender's idempotency key")
public record SurveyResponseRequest(
        @Schema(description = "NPS (0–10), CSAT (1–5) or CES (on the configured scale, default 1–7)", required = true)
        @NotBlank(message = "is required") String kind,
        @NotNull(message = "is required") Integer score,
        @Schema(description = "when the customer answered (ISO-8601 with offset)", required = true)
        @NotNull(message = "is required") Instant answeredAt,
        @Pattern(regexp = SurveyResponse.CHANNEL_REGEX, message = "must be a lower-case slug such as email, chat, phone")
        String channel,
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE)
        String departmentCode,
        @Size(max = SurveyResponse.COMMENT_MAX_LENGTH, message = "must be at most " + SurveyResponse.COMMENT_MAX_LENGTH
                + " characters") String comment,
        @Schema(description = "the survey tool, e.g. qualtrics; default: the sending client's name")
        @Size(max = Reading.SOURCE_MAX_LENGTH, message = "must be at most " + Reading.SOURCE_MAX_LENGTH + " characters")
        String source,
        @Schema(description = "the sender's key: an answer resent with the same key (and source) is a duplicate", required = true)
        @NotBlank(message = "is required")
        @Size(max = SurveyResponse.KEY_MAX_LENGTH, message = "must be at most " + SurveyResponse.KEY_MAX_LENGTH + " characters")
        String idempotencyKey) implements JsonBody {

    NewSurveyResponse toCommand() {
        return new NewSurveyResponse(kind, score, answeredAt, channel, departmentCode, comment, source, idempotencyKey);
    }
}
