package io.cxtracker.api.milestone;

import io.cxtracker.api.shared.JsonBody;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/milestones/{id}/targets}. */
@Schema(description = "The metric target whose verdict is to decide the milestone's status")
public record TargetLinkRequest(@NotNull(message = "is required") Long targetId) implements JsonBody {
}
