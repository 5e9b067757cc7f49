package io.cxtracker.api.approval;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.milestone.Milestone;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/override-requests/{id}/approval} and {@code /rejection}. */
@Schema(description = "Why the request is approved (optional) or rejected (mandatory)")
public record DecisionRequest(
        @Size(max = Milestone.REASON_MAX_LENGTH, message = "must be at most " + Milestone.REASON_MAX_LENGTH + " characters")
        String reason) implements JsonBody {
}
