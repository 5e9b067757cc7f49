package io.cxtracker.domain.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusOverrideTest {
    private static final Instant AT = Instant.parse("2026-09-14T08:30:00Z");

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void anOverrideWithoutAReasonIsRejected(String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StatusOverride(MilestoneStatus.ON_TRACK, reason, "maria.lead", AT));
        assertEquals("an override needs a reason", e.getMessage());
    }

    @Test
    void anOverrideNeedsItsAuthor() {
        assertThrows(IllegalArgumentException.class,
                () -> new StatusOverride(MilestoneStatus.ON_TRACK, "survey vendor outage", " ", AT));
    }

    @Test
    void theOverrideWinsButTheDerivedStatusStaysVisible() {
        StatusOverride override = new StatusOverride(
                MilestoneStatus.ON_TRACK, "CSAT feed down since 1 Sep; manual sample shows 82 %", "maria.lead", AT);

        EffectiveStatus effective = override.appliedTo(MilestoneStatus.AT_RISK);

        assertEquals(MilestoneStatus.ON_TRACK, effective.status());
        assertEquals(MilestoneStatus.AT_RISK, effective.derived());
        assertTrue(effective.isOverridden());
        assertEquals(override, effective.override().orElseThrow());
    }

    @Test
    void withoutAnOverrideTheDerivedStatusShows() {
        EffectiveStatus effective = EffectiveStatus.derivedOnly(MilestoneStatus.OFF_TRACK);

        assertEquals(MilestoneStatus.OFF_TRACK, effective.status());
        assertFalse(effective.isOverridden());
    }
}
