package io.cxtracker.domain.milestone;

import java.util.Objects;
import java.util.Optional;

/**
 * The status a milestone shows: an override wins over the derived status, but the derived one is kept
 * beside it so that dashboards and reports can show "overridden: evidence says OFF_TRACK".
 */
public record EffectiveStatus(MilestoneStatus derived, Optional<StatusOverride> override) {

    public EffectiveStatus {
        Objects.requireNonNull(derived, "derived");
        Objects.requireNonNull(override, "override");
    }

    public static EffectiveStatus derivedOnly(MilestoneStatus derived) {
        return new EffectiveStatus(derived, Optional.empty());
    }

    public static EffectiveStatus overridden(MilestoneStatus derived, StatusOverride override) {
        return new EffectiveStatus(derived, Optional.of(override));
    }

    public MilestoneStatus status() {
        return override.map(StatusOverride::status).orElse(derived);
    }

    public boolean isOverridden() {
        return override.isPresent();
    }
}
