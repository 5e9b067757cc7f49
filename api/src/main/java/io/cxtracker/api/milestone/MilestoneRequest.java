package io.cxtracker.api.milestone;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.milestone.EvidenceLink;
import io.cxtracker.domain.milestone.Milestone;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/milestones}. */
@Schema(description = "A new milestone of an initiative, owned by one department and one person")
public record MilestoneRequest(
        @NotNull(message = "is required") Long initiativeId,
        @NotBlank(message = "is required")
        @Size(max = Milestone.TITLE_MAX_LENGTH, message = "must be at most " + Milestone.TITLE_MAX_LENGTH + " characters")
        String title,
        @Size(max = Milestone.DESCRIPTION_MAX_LENGTH, message = "must be at most " + Milestone.DESCRIPTION_MAX_LENGTH + " characters")
        String description,
        @NotNull(message = "is required")
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE)
        String ownerDepartment,
        @NotBlank(message = "is required")
        @Size(max = Milestone.OWNER_PERSON_MAX_LENGTH, message = "must be at most " + Milestone.OWNER_PERSON_MAX_LENGTH + " characters")
        String ownerPerson,
        @NotNull(message = "is required") LocalDate due,
        @Schema(description = "absolute http(s) links")
        @Size(max = EvidenceLink.MAX_LINKS, message = "must hold at most " + EvidenceLink.MAX_LINKS + " links")
        List<@NotBlank(message = "must be a link")
                @Size(max = EvidenceLink.MAX_LENGTH, message = "must be at most " + EvidenceLink.MAX_LENGTH + " characters")
                String> evidence,
        @Schema(description = "weight in roll-ups; null weighs as much as any other milestone")
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 and at most 1000")
        @DecimalMax(value = "1000", message = "must be more than 0 and at most 1000")
        Double weight) implements JsonBody {
}
