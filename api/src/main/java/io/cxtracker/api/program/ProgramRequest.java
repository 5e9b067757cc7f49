package io.cxtracker.api.program;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.program.PhasePlan;
import io.cxtracker.domain.program.Program;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/programs}. */
@Schema(description = "A new program; without phases it gets three one-year phases: Transform, Optimize, Sustain")
public record ProgramRequest(
        @NotBlank(message = "is required")
        @Size(max = Program.NAME_MAX_LENGTH, message = "must be at most " + Program.NAME_MAX_LENGTH + " characters")
        String name,
        @NotNull(message = "is required") LocalDate startDate,
        @Size(max = PhasePlan.MAX_PHASES, message = "must hold at most " + PhasePlan.MAX_PHASES + " phases")
        List<@NotNull(message = "must be a phase") @Valid PhaseRequest> phases) implements JsonBody {
}
