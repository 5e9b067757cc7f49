package io.cxtracker.domain.alert.mail;

import io.cxtracker.domain.alert.AlertFrequency;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When an alert's e-mail is due for a person, by the frequency they chose: IMMEDIATE when it was raised; DAILY at the
 * first digest time ({@code at}, e.g. 07:00 in the company's zone) after it was raised, so the morning's mail holds
 * everything since the morning before; WEEKLY at the first Monday digest time after it; OFF never. Wall-clock times in
 * the zone: a digest time that a daylight-saving change skips moves forward by the gap, as {@link ZonedDateTime#of}
 * does, and one that occurs twice takes the earlier.
 */
public record MailTiming(ZoneId zone, LocalTime at) {

    public MailTiming {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(at, "at");
    }

    /** Empty for OFF: nothing is sent. */
    public Optional<Instant> dueAt(AlertFrequency frequency, Instant raised) {
        return switch (frequency) {
            case IMMEDIATE -> Optional.of(raised);
            case DAILY -> Optional.of(next(raised, false));
            case WEEKLY -> Optional.of(next(raised, true));
            case OFF -> Optional.empty();
        };
    }

    private Instant next(Instant raised, boolean mondaysOnly) {
        LocalDate day = raised.atZone(zone).toLocalDate();
        while (true) {
            if (!mondaysOnly || day.getDayOfWeek() == DayOfWeek.MONDAY) {
                Instant candidate = ZonedDateTime.of(day, at, zone).toInstant();
                if (candidate.isAfter(raised)) {
                    return candidate;
                }
            }
            day = day.plusDays(1);
        }
    }
}
