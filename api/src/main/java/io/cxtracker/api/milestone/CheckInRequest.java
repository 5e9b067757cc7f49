package io.cxtracker.api.milestone;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.milestone.CheckIn;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.EvidenceLink;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/milestones/{id}/check-ins}; the author and time come from the token and the clock. */
@Schema(description = "A lead's update of a milestone: status, progress in percent, comment, evidence links")
public record CheckInRequest(
        @NotNull(message = "is required") CheckInStatus status,
        @NotNull(message = "is required")
        @Min(value = 0, message = "must be between 0 and 100")
        @Max(value = 100, message = "must be between 0 and 100")
        Integer progress,
        @Size(max = CheckIn.COMMENT_MAX_LENGTH, message = "must be at most " + CheckIn.COMMENT_MAX_LENGTH + " characters")
        String comment,
        @Size(max = EvidenceLink.MAX_LINKS, message = "must hold at most " + EvidenceLink.MAX_LINKS + " links")
        List<@NotBlank(message = "must be a link")
                @Size(max = EvidenceLink.MAX_LENGTH, message = "must be at most " + EvidenceLink.MAX_LENGTH + " characters")
                String> evidence) implements JsonBody {
}
