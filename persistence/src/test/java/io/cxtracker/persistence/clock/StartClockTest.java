package io.cxtracker.persistence.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.persistence.profile.DeploymentMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StartClockTest {
    private static final Instant REAL = Instant.parse("2026-12-07T04:10:00Z");
    private static final Clock REAL_CLOCK = Clock.fixed(REAL, ZoneOffset.UTC);

    @Test
    void aTimeOfDayIsTodayAtThatTimeFromNow() {
        StartClock moved = StartClock.parse("23:59:30Z", REAL_CLOCK).orElseThrow();
        assertEquals(Instant.parse("2026-12-07T23:59:30Z"), moved.start());
        assertEquals(REAL, moved.anchor());
        assertEquals(Instant.parse("2026-12-07T23:59:30Z"), moved.over(REAL_CLOCK).instant());
    }

    @Test
    void itTicksAtTheRealRateAndCrossesMidnight() {
        StartClock moved = StartClock.parse("23:59:30Z", REAL_CLOCK).orElseThrow();
        Clock fortySecondsLater = Clock.fixed(REAL.plusSeconds(40), ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-12-08T00:00:10Z"), moved.over(fortySecondsLater).instant());
    }

    @Test
    void anAnchorLetsTwoProcessesShareOneMovedClock() {
        // the tests made the setting at 04:10; the server reads it 95 s later and must read 23:59:30 + 95 s
        Clock serverReal = Clock.fixed(REAL.plusSeconds(95), ZoneOffset.UTC);
        StartClock moved = StartClock.parse("23:59:30Z@2026-12-07T04:10:00Z", serverReal).orElseThrow();
        assertEquals(Instant.parse("2026-12-08T00:01:05Z"), moved.over(serverReal).instant());
    }

    @Test
    void aFullInstantIsThatInstant() {
        StartClock moved = StartClock.parse("2031-03-01T08:00:00Z", REAL_CLOCK).orElseThrow();
        assertEquals(Duration.between(REAL, Instant.parse("2031-03-01T08:00:00Z")),
                Duration.between(REAL, moved.over(REAL_CLOCK).instant()));
    }

    @Test
    void blankIsNoSetting() {
        assertTrue(StartClock.parse(" ", REAL_CLOCK).isEmpty());
        assertTrue(StartClock.parse(null, REAL_CLOCK).isEmpty());
    }

    @Test
    void aBadValueIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> StartClock.parse("midnight", REAL_CLOCK));
        assertTrue(e.getMessage().contains("'midnight'"), e.getMessage());
    }

    @Test
    void onlyLocalModeMayMoveTheClock() {
        assertTrue(ClockProducer.judge(DeploymentMode.PRODUCTION, "23:59:30Z").orElseThrow().contains("only CX_MODE=local"));
        assertTrue(ClockProducer.judge(DeploymentMode.LOCAL, "23:59:30Z").isEmpty());
        assertTrue(ClockProducer.judge(DeploymentMode.PRODUCTION, null).isEmpty());
        assertTrue(ClockProducer.judge(DeploymentMode.LOCAL, "25:00").orElseThrow().contains("cx.clock.start"));
    }

    @Test
    void productionKeepsTheRealClockWhateverTheSetting() {
        assertEquals(REAL, ClockProducer.choose(DeploymentMode.PRODUCTION, "23:59:30Z", REAL_CLOCK).instant());
        assertEquals(Instant.parse("2026-12-07T23:59:30Z"), ClockProducer.choose(DeploymentMode.LOCAL, "23:59:30Z", REAL_CLOCK).instant());
        assertEquals(REAL, ClockProducer.choose(DeploymentMode.LOCAL, "nonsense", REAL_CLOCK).instant());
    }
}
