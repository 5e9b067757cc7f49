package io.cxtracker.domain.progress;

import io.cxtracker.domain.targets.Target;
import java.time.LocalDate;

/** A target's numbers in one revision: what a read as of a past instant evaluates instead of the current numbers. */
public record TargetPlan(long targetId, double baseline, double targetValue, LocalDate due, double amberTolerance,
        int windowDays) {

    /** The target as it stood in this revision: a detached copy, so evaluating it writes nothing. */
    public Target appliedTo(Target current) {
        return current.revisedAs(baseline, targetValue, due, amberTolerance, windowDays);
    }
}
