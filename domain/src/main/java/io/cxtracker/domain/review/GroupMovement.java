package io.cxtracker.domain.review;

import io.cxtracker.domain.rollup.RollUpResult;

/**
 * A pillar's or department's roll-up at the two instants.
 *
 * @param kind {@code PILLAR} or {@code DEPARTMENT}
 */
public record GroupMovement(String kind, String key, String title, RollUpResult from, RollUpResult to) {

    public static final String PILLAR = "PILLAR";
    public static final String DEPARTMENT = "DEPARTMENT";

    /** The change of the weighted on-track share, in percentage points. */
    public double onTrackPointsMoved() {
        return (to.onTrackShare() - from.onTrackShare()) * 100;
    }
}
