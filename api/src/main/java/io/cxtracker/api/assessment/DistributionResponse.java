package io.cxtracker.api.assessment;

import io.cxtracker.domain.assessment.MaturityDistribution;
import io.cxtracker.domain.assessment.MaturityLevel;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many departments stand at each level of maturity on a day. */
public record DistributionResponse(
        LocalDate asOf,
        int departments,
        int assessed,
        @Schema(description = "departments never assessed by that day") int unassessed,
        @Schema(description = "every level, IGNORE first, with its number of departments") Map<MaturityLevel, Integer> levels,
        @Schema(description = "mature departments out of all departments, 0–1; null without departments") Double matureShare) {

    static DistributionResponse of(MaturityDistribution d) {
        return new DistributionResponse(d.asOf(), d.departments(), d.assessed(), d.unassessed(), d.levels(), d.matureShare());
    }
}
