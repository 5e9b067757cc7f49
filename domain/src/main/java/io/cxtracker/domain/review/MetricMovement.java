package io.cxtracker.domain.review;

import io.cxtracker.domain.program.Pillar;
import java.util.OptionalDouble;

/**
 * A metric's value in one pillar and department (the scope of a target linked to the pillar's milestones)
 * at the two instants, each over the target's window ending on that instant's evaluation day.
 *
 * @param departmentCode null for the whole company
 * @param from empty without data then
 * @param to empty without data then
 */
public record MetricMovement(Pillar pillar, String departmentCode, String metricKey, OptionalDouble from,
        OptionalDouble to) {

    /** {@code to - from}, empty unless both are known. */
    public OptionalDouble delta() {
        return from.isPresent() && to.isPresent() ? OptionalDouble.of(to.getAsDouble() - from.getAsDouble())
                : OptionalDouble.empty();
    }
}
