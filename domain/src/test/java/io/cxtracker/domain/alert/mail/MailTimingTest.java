package io.cxtracker.domain.alert.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.alert.AlertFrequency;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When a person's mail is due, with hand-picked instants: the digest time's edges, Mondays and daylight saving. */
class MailTimingTest {
    private static final MailTiming BERLIN = new MailTiming(ZoneId.of("Europe/Berlin"), LocalTime.of(7, 0));
    private static final MailTiming UTC = new MailTiming(ZoneOffset.UTC, LocalTime.of(7, 0));

    private static Instant due(MailTiming timing, AlertFrequency frequency, String raised) {
        return timing.dueAt(frequency, Instant.parse(raised)).orElseThrow();
    }

    @Test
    void immediateIsDueWhenRaisedAndOffNever() {
        assertEquals(Instant.parse("2026-06-10T13:14:15Z"), due(UTC, AlertFrequency.IMMEDIATE, "2026-06-10T13:14:15Z"));
        assertTrue(UTC.dueAt(AlertFrequency.OFF, Instant.parse("2026-06-10T13:14:15Z")).isEmpty());
    }

    @Test
    void dailyIsDueAtTheNextSevenOClockStrictlyAfterTheAlert() {
        // Wednesday 10 June 2026
        assertEquals(Instant.parse("2026-06-11T07:00:00Z"), due(UTC, AlertFrequency.DAILY, "2026-06-10T13:00:00Z"));
        assertEquals(Instant.parse("2026-06-10T07:00:00Z"), due(UTC, AlertFrequency.DAILY, "2026-06-10T06:59:59Z"));
        // raised at the very digest time: that digest may be on its way, the next one carries it
        assertEquals(Instant.parse("2026-06-11T07:00:00Z"), due(UTC, AlertFrequency.DAILY, "2026-06-10T07:00:00Z"));
        // across a year's end
        assertEquals(Instant.parse("2027-01-01T07:00:00Z"), due(UTC, AlertFrequency.DAILY, "2026-12-31T23:59:59Z"));
    }

    @Test
    void dailyFollowsTheZonesWallClockAcrossDaylightSaving() {
        // Berlin, summer (UTC+2): 07:00 is 05:00Z
        assertEquals(Instant.parse("2026-06-11T05:00:00Z"), due(BERLIN, AlertFrequency.DAILY, "2026-06-10T12:00:00Z"));
        // Saturday 28 March 2026 noon CET (UTC+1); clocks go forward on Sunday 29 March at 02:00: 07:00 CEST = 05:00Z
        assertEquals(Instant.parse("2026-03-29T05:00:00Z"), due(BERLIN, AlertFrequency.DAILY, "2026-03-28T11:00:00Z"));
        // Saturday 24 October 2026 (CEST); clocks go back on Sunday 25 October at 03:00: 07:00 CET = 06:00Z
        assertEquals(Instant.parse("2026-10-25T06:00:00Z"), due(BERLIN, AlertFrequency.DAILY, "2026-10-24T10:00:00Z"));
        // 23:30Z on 10 June is already 11 June 01:30 in Berlin: that morning's 07:00
        assertEquals(Instant.parse("2026-06-11T05:00:00Z"), due(BERLIN, AlertFrequency.DAILY, "2026-06-10T23:30:00Z"));
    }

    @Test
    void aDigestTimeThatDaylightSavingSkipsMovesForwardByTheGap() {
        MailTiming twoThirty = new MailTiming(ZoneId.of("Europe/Berlin"), LocalTime.of(2, 30));
        // 29 March 2026 02:30 does not exist in Berlin: 03:30 CEST = 01:30Z
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), due(twoThirty, AlertFrequency.DAILY, "2026-03-28T12:00:00Z"));
    }

    @Test
    void weeklyIsDueAtTheNextMondaysSevenOClock() {
        // Wednesday 10 June 2026 -> Monday 15 June
        assertEquals(Instant.parse("2026-06-15T07:00:00Z"), due(UTC, AlertFrequency.WEEKLY, "2026-06-10T13:00:00Z"));
        // Sunday 14 June late -> the next morning
        assertEquals(Instant.parse("2026-06-15T07:00:00Z"), due(UTC, AlertFrequency.WEEKLY, "2026-06-14T23:59:00Z"));
        // Monday 15 June before 07:00 -> that very morning; after it -> a week later
        assertEquals(Instant.parse("2026-06-15T07:00:00Z"), due(UTC, AlertFrequency.WEEKLY, "2026-06-15T06:00:00Z"));
        assertEquals(Instant.parse("2026-06-22T07:00:00Z"), due(UTC, AlertFrequency.WEEKLY, "2026-06-15T07:00:01Z"));
        // Berlin: Friday 27 March 2026 (CET) -> Monday 30 March 07:00 CEST = 05:00Z
        assertEquals(Instant.parse("2026-03-30T05:00:00Z"), due(BERLIN, AlertFrequency.WEEKLY, "2026-03-27T09:00:00Z"));
        // Sunday 22:30Z in UTC is Monday 00:30 in Berlin (summer): Monday's 07:00 there
        assertEquals(Instant.parse("2026-06-15T05:00:00Z"), due(BERLIN, AlertFrequency.WEEKLY, "2026-06-14T22:30:00Z"));
    }
}
