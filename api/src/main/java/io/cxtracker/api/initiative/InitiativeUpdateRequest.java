package io.cxtracker.api.initiative;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.program.PhasePlan;
import io.cxtracker.domain.program.Pillar;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/initiatives/{id}}: every field is replaced; the RACI has its own endpoint. */
@Schema(description = "An initiative's new title, description, pillar and phase")
public record InitiativeUpdateRequest(
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be between 1 and " + PhasePlan.MAX_PHASES)
        @Max(value = PhasePlan.MAX_PHASES, message = "must be between 1 and " + PhasePlan.MAX_PHASES)
        Integer phaseNumber,
        @NotNull(message = "is required") Pillar pillar,
        @NotBlank(message = "is required")
        @Size(max = Initiative.TITLE_MAX_LENGTH, message = "must be at most " + Initiative.TITLE_MAX_LENGTH + " characters")
        String title,
        @Size(max = Initiative.DESCRIPTION_MAX_LENGTH, message = "must be at most " + Initiative.DESCRIPTION_MAX_LENGTH + " characters")
        String description) implements JsonBody {
}
