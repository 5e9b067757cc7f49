package io.cxtracker.domain.rollup;

import io.cxtracker.domain.milestone.MilestoneStatus;

/**
 * How a milestone status counts in a roll-up. NOT_STARTED is neutral: work that has not begun yet is
 * neither evidence of health nor of trouble (once it is late it becomes OVERDUE, which is red).
 */
public enum StatusHealth {
    HEALTHY,
    AMBER,
    RED,
    NEUTRAL;

    public static StatusHealth of(MilestoneStatus status) {
        // An exhaustive switch: a new status does not compile until someone decides how it counts.
        return switch (status) {
            case ACHIEVED, DONE, ON_TRACK, IN_PROGRESS -> HEALTHY;
            case AT_RISK -> AMBER;
            case MISSED, OFF_TRACK, OVERDUE, BLOCKED -> RED;
            case NOT_STARTED -> NEUTRAL;
        };
    }
}
