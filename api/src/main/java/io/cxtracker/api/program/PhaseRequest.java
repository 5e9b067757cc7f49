package io.cxtracker.api.program;

import io.cxtracker.domain.program.PhasePlan;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One phase of a new program; phases follow each other from the program's start without gap or overlap. */
@Schema(description = "A phase: its name and the days it covers, both included")
public record PhaseRequest(
        @NotBlank(message = "is required")
        @Size(max = PhasePlan.NAME_MAX_LENGTH, message = "must be at most " + PhasePlan.NAME_MAX_LENGTH + " characters")
        String name,
        @NotNull(message = "is required") LocalDate start,
        @NotNull(message = "is required") LocalDate end) {
}
