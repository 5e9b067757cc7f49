package io.cxtracker.api.assessment;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.assessment.MaturityAssessment;
import io.cxtracker.domain.shared.DepartmentCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/assessments}. */
@Schema(description = "A department's maturity assessment: every question of GET /api/assessments/questions scored 0..4")
public record AssessmentRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE) String departmentCode,
        @Schema(description = "the day assessed; not in the future", required = true)
        @NotNull(message = "is required") LocalDate assessedOn,
        @Schema(description = "question key → score 0 (not at all) .. 4 (fully, everywhere)", required = true)
        @NotNull(message = "is required") Map<String, Integer> answers,
        @Size(max = MaturityAssessment.NOTES_MAX_LENGTH, message = "must be at most " + MaturityAssessment.NOTES_MAX_LENGTH
                + " characters") String notes) implements JsonBody {
}
