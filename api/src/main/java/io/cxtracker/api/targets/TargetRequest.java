package io.cxtracker.api.targets;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.program.PhasePlan;
import io.cxtracker.domain.targets.Target;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/targets}: due on a date, or at the end of a phase (programId and phaseNumber). */
@Schema(description = "A new target on a metric, company-wide or for one department")
public record TargetRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = MetricKey.REGEX, message = "must be " + MetricKey.RULE)
        String metricKey,
        @Schema(description = "null for the whole company")
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE)
        String departmentCode,
        @NotNull(message = "is required") Double baseline,
        @NotNull(message = "is required") Double targetValue,
        @Schema(description = "the due date; or leave it out and name a phase (programId, phaseNumber) to be due at its end")
        LocalDate due,
        Long programId,
        @Min(value = 1, message = "must be between 1 and " + PhasePlan.MAX_PHASES)
        @Max(value = PhasePlan.MAX_PHASES, message = "must be between 1 and " + PhasePlan.MAX_PHASES)
        Integer phaseNumber,
        @Schema(description = "how far short of the target the forecast may fall and still be amber; default 0")
        @PositiveOrZero(message = "must be zero or more") Double amberTolerance,
        @Schema(description = "the trailing window of days the target is judged over; default " + Target.DEFAULT_WINDOW_DAYS)
        @Min(value = 1, message = "must be between 1 and " + Target.MAX_WINDOW_DAYS)
        @Max(value = Target.MAX_WINDOW_DAYS, message = "must be between 1 and " + Target.MAX_WINDOW_DAYS)
        Integer windowDays) implements JsonBody {
}
