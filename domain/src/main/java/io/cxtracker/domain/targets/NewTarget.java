package io.cxtracker.domain.targets;

import java.time.LocalDate;

/**
 * The command to set a target on a metric.
 *
 * @param departmentCode null for the metric across the company
 * @param due the due date; or null with {@code programId} and {@code phaseNumber} for the end of that phase
 * @param amberTolerance null for 0
 * @param windowDays null for {@value Target#DEFAULT_WINDOW_DAYS}
 */
public record NewTarget(String metricKey, String departmentCode, Double baseline, Double targetValue, LocalDate due,
        Long programId, Integer phaseNumber, Double amberTolerance, Integer windowDays) {
}
