package io.cxtracker.api.metric;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.ReportingFrequency;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/metrics}. */
@Schema(description = "A metric's definition: its kind fixes the statistics its readings carry")
public record MetricRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = MetricKey.REGEX, message = "must be " + MetricKey.RULE)
        String key,
        @NotBlank(message = "is required")
        @Size(max = Metric.NAME_MAX_LENGTH, message = "must be at most " + Metric.NAME_MAX_LENGTH + " characters")
        String name,
        @NotBlank(message = "is required")
        @Size(max = Metric.UNIT_MAX_LENGTH, message = "must be at most " + Metric.UNIT_MAX_LENGTH + " characters")
        String unit,
        @NotNull(message = "is required") MetricKind kind,
        @NotNull(message = "is required") Direction direction,
        @NotNull(message = "is required")
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE)
        String ownerDepartment,
        @NotNull(message = "is required") ReportingFrequency expectedFrequency) implements JsonBody {
}
