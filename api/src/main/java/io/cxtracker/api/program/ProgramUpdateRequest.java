package io.cxtracker.api.program;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.program.Program;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/programs/{id}}: the program's new name (its dates and phases are its plan's). */
@Schema(description = "A program's new name")
public record ProgramUpdateRequest(
        @NotBlank(message = "is required")
        @Size(max = Program.NAME_MAX_LENGTH, message = "must be at most " + Program.NAME_MAX_LENGTH + " characters")
        String name) implements JsonBody {
}
