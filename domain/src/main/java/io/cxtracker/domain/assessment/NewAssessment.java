package io.cxtracker.domain.assessment;

import java.time.LocalDate;
import java.util.Map;

/**
 * The command to record a department's maturity assessment.
 *
 * @param answers every question of {@link MaturityQuestionnaire} → its score 0..4
 * @param notes optional
 */
public record NewAssessment(String departmentCode, LocalDate assessedOn, Map<String, Integer> answers, String notes) {
}
