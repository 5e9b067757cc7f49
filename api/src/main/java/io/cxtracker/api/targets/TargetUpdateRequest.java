package io.cxtracker.api.targets;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.targets.Target;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/targets/{id}}: the new numbers and date; the metric and department stay. */
@Schema(description = "A target's new numbers; every field is replaced (null tolerance 0, null window the default)")
public record TargetUpdateRequest(
        @NotNull(message = "is required") Double baseline,
        @NotNull(message = "is required") Double targetValue,
        @NotNull(message = "is required") LocalDate due,
        @PositiveOrZero(message = "must be zero or more") Double amberTolerance,
        @Min(value = 1, message = "must be between 1 and " + Target.MAX_WINDOW_DAYS)
        @Max(value = Target.MAX_WINDOW_DAYS, message = "must be between 1 and " + Target.MAX_WINDOW_DAYS)
        Integer windowDays) implements JsonBody {
}
