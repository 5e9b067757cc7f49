package io.cxtracker.domain.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The instant a read is made "as of": it shows what the system had recorded at or before {@link #at()}
 * (bitemporal: a reading ingested later for an earlier day, a later check-in, override or target edit do
 * not count), and judges dates on {@link #day()}. A day stands for its end in UTC, the last microsecond
 * before the next midnight, because PostgreSQL keeps timestamps to the microsecond.
 *
 * @param at the last instant whose records count
 */
public record AsOf(Instant at) {

    /** Before this nothing was recorded (histories of older data start here at the latest). */
    public static final Instant EARLIEST = Instant.EPOCH;

    public AsOf {
        Objects.requireNonNull(at, "at");
    }

    /** Now, by the clock: what every read without an as-of shows. */
    public static AsOf now(Clock clock) {
        return new AsOf(clock.instant());
    }

    /** The end of the day in UTC. */
    public static AsOf endOf(LocalDate day) {
        return new AsOf(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS));
    }

    /**
     * Reads {@code 2026-06-30} (the end of that day, UTC) or an ISO-8601 instant such as
     * {@code 2026-06-30T12:00:00Z}.
     *
     * @throws IllegalArgumentException when the text is neither
     */
    public static AsOf parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        try {
            return trimmed.length() == 10 ? endOf(LocalDate.parse(trimmed)) : new AsOf(Instant.parse(trimmed));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a day (2026-06-30) or an instant (2026-06-30T12:00:00Z)", e);
        }
    }

    /** The day the read judges on (due dates, target windows): the UTC date of the instant. */
    public LocalDate day() {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Whether this lies before now by the clock: a read of the past, which the views show read-only. */
    public boolean isPast(Clock clock) {
        return at.isBefore(clock.instant());
    }

    public boolean isAfter(AsOf other) {
        return at.isAfter(other.at);
    }

    /**
     * Nothing is known of days to come: a read as of the future would be a forecast, not a record. Every
     * read as of an instant checks this, so the API's 400 and the views' limit are one rule.
     *
     * @throws InvalidInputException naming {@code asOf} when the day lies after today or the instant before
     *         {@link #EARLIEST}
     */
    public void requireKnowable(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Violations violations = new Violations();
        violations.check(!day().isAfter(today), "asOf", "must not be after today (" + today + ")");
        violations.check(!at.isBefore(EARLIEST), "asOf", "must not be before " + EARLIEST);
        violations.throwIfAny();
    }

    /** Whether something recorded at {@code recorded} was known at this instant. */
    public boolean knows(Instant recorded) {
        return !recorded.isAfter(at);
    }
}
