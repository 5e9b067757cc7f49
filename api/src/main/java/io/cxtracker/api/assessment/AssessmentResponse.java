package io.cxtracker.api.assessment;

import io.cxtracker.domain.assessment.AssessmentView;
import io.cxtracker.domain.assessment.MaturityLevel;
import java.time.LocalDate;
import java.util.Map;

/** An assessment as the API shows it. */
public record AssessmentResponse(long id, String departmentCode, LocalDate assessedOn, Map<String, Integer> answers,
        double meanScore, MaturityLevel level, String assessedBy, String notes) {

    static AssessmentResponse of(AssessmentView a) {
        return new AssessmentResponse(a.id(), a.departmentCode(), a.assessedOn(), a.answers(), a.meanScore(), a.level(),
                a.assessedBy(), a.notes());
    }
}
