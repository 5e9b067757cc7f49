package io.cxtracker.domain.alert.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theDefaultsWait30Seconds2Minutes8Minutes32MinutesThenGiveUpAfterTheFifthFailure() {
        RetrySchedule schedule = RetrySchedule.DEFAULTS;
        assertEquals(Optional.of(Duration.ofSeconds(30)), schedule.waitAfter(1));
        assertEquals(Optional.of(Duration.ofMinutes(2)), schedule.waitAfter(2));
        assertEquals(Optional.of(Duration.ofMinutes(8)), schedule.waitAfter(3));
        assertEquals(Optional.of(Duration.ofMinutes(32)), schedule.waitAfter(4));
        assertEquals(Optional.empty(), schedule.waitAfter(5));
    }

    @Test
    void aConfiguredScheduleDoublesFromOneSecondAndGivesUpAfterThree() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), 2, 3);
        assertEquals(Optional.of(Duration.ofSeconds(1)), schedule.waitAfter(1));
        assertEquals(Optional.of(Duration.ofSeconds(2)), schedule.waitAfter(2));
        assertEquals(Optional.empty(), schedule.waitAfter(3));
        assertEquals(Optional.empty(), schedule.waitAfter(4));
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertEquals(Optional.empty(), new RetrySchedule(Duration.ofSeconds(30), 4, 1).waitAfter(1));
    }

    @Test
    void refusesSettingsThatMakeNoSchedule() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(30), 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofSeconds(30), 4, 0));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.DEFAULTS.waitAfter(0));
    }
}
