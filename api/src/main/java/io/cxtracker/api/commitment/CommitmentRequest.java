package io.cxtracker.api.commitment;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.commitment.Commitment;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.feedback.Theme;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/commitments} and {@code PUT /api/commitments/{id}} (a whole replacement). */
@Schema(description = "A promised change answering an insight: owner department, due date, milestones, state")
public record CommitmentRequest(
        @Schema(description = "the insight it answers: a feedback theme someone mentioned", required = true)
        @NotNull(message = "is required") @Pattern(regexp = Theme.REGEX, message = "must be " + Theme.RULE) String theme,
        @NotBlank(message = "is required")
        @Size(max = Commitment.TITLE_MAX_LENGTH, message = "must be at most " + Commitment.TITLE_MAX_LENGTH + " characters")
        String title,
        @Size(max = Commitment.DESCRIPTION_MAX_LENGTH, message = "must be at most " + Commitment.DESCRIPTION_MAX_LENGTH
                + " characters") String description,
        @NotNull(message = "is required")
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE) String ownerDepartment,
        @NotNull(message = "is required") LocalDate due,
        @Schema(description = "the milestones that deliver it")
        @Size(max = Commitment.MAX_MILESTONES, message = "must name at most " + Commitment.MAX_MILESTONES + " milestones")
        List<@NotNull(message = "must be a milestone id") Long> milestoneIds,
        @Schema(description = "the metric expected to move; the closed loop compares it before and after")
        String metricKey,
        @Schema(description = "PROPOSED (default on creation), COMMITTED, IN_PROGRESS, DONE or DROPPED; forward only")
        String state,
        @Schema(description = "required when moving to DROPPED")
        @Size(max = Commitment.REASON_MAX_LENGTH, message = "must be at most " + Commitment.REASON_MAX_LENGTH + " characters")
        String reason) implements JsonBody {
}
