package io.cxtracker.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock the demo loader gives the services: the real time, or the moment a past event of the demo
 * happened (a check-in, a commitment's move, an assessment), so the history reads as it would have been
 * recorded. One loader thread uses it.
 */
public final class DemoClock extends Clock {
    private final Clock real;
    private volatile Instant fixed;

    public DemoClock(Clock real) {
        this.real = real;
    }

    /** From now on "now" is {@code at}; null returns to the real time. */
    public void setTo(Instant at) {
        this.fixed = at;
    }

    public void useRealTime() {
        this.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : real.instant();
    }
}
