package io.cxtracker.domain.targets;

import java.time.LocalDate;

/** A snapshot of a target; {@code departmentCode} is null for the whole company. */
public record TargetSummary(long id, String metricKey, String departmentCode, double baseline, double targetValue,
        LocalDate due, double amberTolerance, int windowDays, long version) {

    public static TargetSummary of(Target target) {
        return new TargetSummary(target.id(), target.metric().key().value(),
                target.department() == null ? null : target.department().code().value(), target.baseline(),
                target.targetValue(), target.due(), target.amberTolerance(), target.windowDays(), target.version());
    }
}
