package io.cxtracker.persistence.clock;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code cx.clock.start}: a clock that starts at a chosen moment and then ticks, so that a test run can cross
 * midnight (or a month end) on purpose. Only local mode honours it ({@link ClockProducer}); anywhere else it is a
 * refused start, so it can never move a real server's time.
 *
 * <p>Forms: {@code 23:59:30Z} (today, UTC, at that time), {@code 2031-03-01T08:00:00Z} (that instant), either one
 * followed by {@code @} and an ISO instant of the real clock, the moment at which the moved clock reads the given
 * time. The anchor lets two processes (the server and the tests) share one moved clock: without it the clock reads
 * the given time when it is made.
 */
public record StartClock(Instant start, Instant anchor) {
    public static final String KEY = "cx.clock.start";

    /** @return the setting parsed against the real clock; empty when blank; an exception naming the value when bad */
    public static Optional<StartClock> parse(String value, Clock real) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        int at = text.indexOf('@');
        String startText = at < 0 ? text : text.substring(0, at);
        try {
            Instant anchor = at < 0 ? real.instant() : Instant.parse(text.substring(at + 1));
            Instant start = startText.contains("T")
                    ? Instant.parse(startText)
                    : LocalDate.ofInstant(anchor, ZoneOffset.UTC)
                            .atTime(LocalTime.parse(startText.endsWith("Z") ? startText.substring(0, startText.length() - 1) : startText))
                            .toInstant(ZoneOffset.UTC);
            return Optional.of(new StartClock(start, anchor));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(KEY + " is '" + value + "': write a UTC time (23:59:30Z) or an instant "
                    + "(2031-03-01T08:00:00Z), optionally followed by @ and the real instant at which the clock reads it", e);
        }
    }

    /** The real clock moved so that it reads {@link #start} at {@link #anchor}; it ticks at the real rate. */
    public Clock over(Clock real) {
        return Clock.offset(real, Duration.between(anchor, start));
    }
}
