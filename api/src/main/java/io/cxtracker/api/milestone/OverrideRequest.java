package io.cxtracker.api.milestone;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.MilestoneStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/milestones/{id}/override}. */
@Schema(description = "A status set by hand over what the evidence says; the reason is mandatory")
public record OverrideRequest(
        @NotNull(message = "is required") MilestoneStatus status,
        @NotBlank(message = "is required")
        @Size(max = Milestone.REASON_MAX_LENGTH, message = "must be at most " + Milestone.REASON_MAX_LENGTH + " characters")
        String reason) implements JsonBody {
}
