package io.cxtracker.domain.targets;

import java.time.LocalDate;

/**
 * The new numbers of a target; the metric and the department scope stay (a target on another metric
 * is another target).
 *
 * @param amberTolerance null for 0
 * @param windowDays null for {@value Target#DEFAULT_WINDOW_DAYS}
 */
public record TargetRevision(Double baseline, Double targetValue, LocalDate due, Double amberTolerance, Integer windowDays) {
}
