package io.cxtracker.api.milestone;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.StatusOverride;
import java.time.Instant;

/** A status set by hand: which, why, by whom, when. */
public record OverrideResponse(MilestoneStatus status, String reason, String by, Instant at) {

    static OverrideResponse of(StatusOverride override) {
        return override == null ? null : new OverrideResponse(override.status(), override.reason(), override.by(), override.at());
    }
}
