package io.cxtracker.api.metric;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.Reading;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of {@code POST /api/metrics/{key}/readings}; the metric is the URL's. */
@Schema(description = "One reading: a day, optionally a department and channel, its statistics, and the sender's idempotency key")
public record ReadingRequest(
        @NotNull(message = "is required") LocalDate day,
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE)
        String departmentCode,
        @Size(max = Reading.CHANNEL_MAX_LENGTH, message = "must be at most " + Reading.CHANNEL_MAX_LENGTH + " characters")
        @Pattern(regexp = Reading.CHANNEL_REGEX, message = "must be " + Reading.CHANNEL_RULE)
        String channel,
        @Schema(description = "who measured it, e.g. genesys; default: the sending client's name")
        @Size(max = Reading.SOURCE_MAX_LENGTH, message = "must be at most " + Reading.SOURCE_MAX_LENGTH + " characters")
        String source,
        @Schema(description = "the sender's key: a reading resent with the same key (same metric and source) is a duplicate")
        @NotBlank(message = "is required")
        @Size(max = Reading.IDEMPOTENCY_KEY_MAX_LENGTH, message = "must be at most " + Reading.IDEMPOTENCY_KEY_MAX_LENGTH + " characters")
        String idempotencyKey,
        @NotNull(message = "is required") @Valid StatisticsRequest statistics) implements JsonBody {
}
