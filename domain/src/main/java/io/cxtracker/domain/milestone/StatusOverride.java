package io.cxtracker.domain.milestone;

import java.time.Instant;
import java.util.Objects;

/**
 * A person setting a milestone's status by hand over what its evidence says. The reason is mandatory
 * because an auditor must be able to see why the record disagrees with the numbers.
 *
 * @param by the user who overrode, as named by the identity provider
 */
public record StatusOverride(MilestoneStatus status, String reason, String by, Instant at) {

    public StatusOverride {
        Objects.requireNonNull(status, "status");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override needs a reason");
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("an override needs the user who made it");
        }
        Objects.requireNonNull(at, "at");
    }

    /** The status this override imposes on a milestone whose evidence says {@code derived}. */
    public EffectiveStatus appliedTo(MilestoneStatus derived) {
        return EffectiveStatus.overridden(derived, this);
    }
}
