package io.cxtracker.it.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The run's one clock, shared by the tests and the server under test. Normally the real UTC clock; with
 * {@code -Dcx.it.clock.start=23:59:30Z} ({@code ./cx test --clock 23:59:30Z}) a clock that reads today's 23:59:30 UTC
 * when the run opens and then ticks, so the run crosses midnight. The moment is fixed once, here, as
 * {@code start@anchor} (two instants) in {@link #SHARED}, which arquillian.xml hands to WildFly as
 * {@code cx.clock.start}: both sides then read the same moved time, however late the server starts.
 */
public class RunClock implements LauncherSessionListener {
    /** The option: a UTC time of day (today) or an instant; blank for the real clock. */
    public static final String OPTION = "cx.it.clock.start";
    /** What the server is given: empty, or start@anchor. */
    public static final String SHARED = "cx.it.clock";

    private static volatile Clock clock = Clock.systemUTC();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String option = System.getProperty(OPTION, "").strip();
        if (option.isEmpty()) {
            System.setProperty(SHARED, "");
            return;
        }
        Instant anchor = Instant.now();
        Instant start = option.contains("T")
                ? Instant.parse(option)
                : LocalDate.ofInstant(anchor, ZoneOffset.UTC).atTime(LocalTime.parse(option.replace("Z", ""))).toInstant(ZoneOffset.UTC);
        clock = Clock.offset(Clock.systemUTC(), Duration.between(anchor, start));
        System.setProperty(SHARED, start + "@" + anchor);
        System.out.println("[it] the run's clock reads " + start + " now (" + OPTION + "=" + option + ")");
    }

    /** The clock tests place their data by: the server's too. */
    public static Clock clock() {
        return clock;
    }

    /** Today, UTC, by the run's clock: read when used, never frozen at class load. */
    public static LocalDate today() {
        return LocalDate.now(clock);
    }

    public static Instant now() {
        return clock.instant();
    }

    /**
     * An instant strictly between what a test did before the call and what it does after: as-of reads of it see
     * the one and not the other (the server stamps its records on the same clock, to the microsecond).
     */
    public static Instant between() throws InterruptedException {
        Thread.sleep(300);
        Instant instant = now();
        Thread.sleep(300);
        return instant;
    }
}
