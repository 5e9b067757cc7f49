package io.cxtracker.domain.targets;

import io.cxtracker.domain.metric.Direction;
import java.util.Objects;

/**
 * How far a metric has moved from its baseline towards its target, and whether it has reached it.
 *
 * <p>Progress is (v − b) / (t − b). The same formula serves lower-is-better metrics, because there both
 * differences are negative; the direction is still explicit so that a target set on the wrong side of
 * its baseline (churn "improving" from 5 % to 8 %) is refused instead of silently reporting progress
 * backwards. A target equal to its baseline is refused too: progress towards it is undefined.
 */
public record TargetAttainment(double baseline, double target, Direction direction) {

    public TargetAttainment {
        Objects.requireNonNull(direction, "direction");
        if (!Double.isFinite(baseline) || !Double.isFinite(target)) {
            throw new IllegalArgumentException("baseline and target must be finite numbers");
        }
        boolean improves = direction == Direction.HIGHER_IS_BETTER ? target > baseline : target < baseline;
        if (!improves) {
            throw new IllegalArgumentException("target " + target + " must be "
                    + (direction == Direction.HIGHER_IS_BETTER ? "above" : "below") + " baseline " + baseline
                    + " when " + direction.name().toLowerCase().replace('_', ' '));
        }
    }

    /**
     * Share of the way from baseline to target: 0 at the baseline, 1 at the target. Not clamped, so an
     * overshoot (1.2) or a slide backwards (−0.3) stays visible in reports; displays may clamp.
     */
    public double progress(double value) {
        return (value - baseline) / (target - baseline);
    }

    /** Reached means at or beyond the target in the metric's good direction. */
    public boolean isMet(double value) {
        return shortfall(value) <= 0;
    }

    /**
     * How far {@code value} is from the target on the unfavourable side, in the metric's units:
     * positive when short, zero or negative when met. Amber tolerance is compared with this.
     */
    public double shortfall(double value) {
        return direction == Direction.HIGHER_IS_BETTER ? target - value : value - target;
    }
}
