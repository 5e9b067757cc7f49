package io.cxtracker.domain.assessment;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A snapshot of an assessment. */
public record AssessmentView(long id, String departmentCode, LocalDate assessedOn, Map<String, Integer> answers,
        double meanScore, MaturityLevel level, String assessedBy, String notes) {

    public AssessmentView {
        answers = Collections.unmodifiableMap(new TreeMap<>(answers));
    }

    public static AssessmentView of(MaturityAssessment a) {
        return new AssessmentView(a.id(), a.department().code().value(), a.assessedOn(), a.answers(), a.meanScore(),
                a.level(), a.assessedBy(), a.notes());
    }
}
