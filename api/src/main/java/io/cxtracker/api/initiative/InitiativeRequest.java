package io.cxtracker.api.initiative;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.program.PhasePlan;
import io.cxtracker.domain.program.Pillar;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/initiatives}. */
@Schema(description = "A new initiative: an objective under one pillar and phase, one accountable department, "
        + "other departments' RACI roles (RESPONSIBLE, CONSULTED, INFORMED) by department code")
public record InitiativeRequest(
        @NotNull(message = "is required") Long programId,
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be between 1 and " + PhasePlan.MAX_PHASES)
        @Max(value = PhasePlan.MAX_PHASES, message = "must be between 1 and " + PhasePlan.MAX_PHASES)
        Integer phaseNumber,
        @NotNull(message = "is required") Pillar pillar,
        @NotBlank(message = "is required")
        @Size(max = Initiative.TITLE_MAX_LENGTH, message = "must be at most " + Initiative.TITLE_MAX_LENGTH + " characters")
        String title,
        @Size(max = Initiative.DESCRIPTION_MAX_LENGTH, message = "must be at most " + Initiative.DESCRIPTION_MAX_LENGTH + " characters")
        String description,
        @NotNull(message = "is required")
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE)
        String accountableDepartment,
        @Size(max = 100, message = "must name at most 100 departments")
        Map<@Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE) String,
                @NotNull(message = "must be a RACI role") RaciRole> raci) implements JsonBody {
}
