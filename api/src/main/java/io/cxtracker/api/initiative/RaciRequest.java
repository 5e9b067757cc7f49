package io.cxtracker.api.initiative;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.initiative.RaciRole;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/initiatives/{id}/raci/{department}}. */
@Schema(description = "A department's RACI role; ACCOUNTABLE hands the accountability over to it")
public record RaciRequest(@NotNull(message = "is required") RaciRole role) implements JsonBody {
}
