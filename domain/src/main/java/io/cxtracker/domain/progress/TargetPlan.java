package io.cxtracker.domain.progress;

import java.time.LocalDate;

/** A target's numbers in one revision: what a read as of a past instant evaluates instead of the current numbers. */
public record TargetPlan(long targetId, double baseline, double targetValue, LocalDate due, double amberTolerance,
        int windowDays) {
}
