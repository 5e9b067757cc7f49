package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void bucketsStartOnTheirFirstDay() {
        LocalDate thursday = LocalDate.of(2026, 1, 1);
        LocalDate sunday = LocalDate.of(2026, 6, 7);
        LocalDate mayDay = LocalDate.of(2026, 5, 17);

        assertEquals(thursday, Granularity.DAY.bucketStart(thursday));
        // ISO weeks start on Monday, even across a year boundary: Thursday 1 January 2026 → Monday 29 December 2025
        assertEquals(LocalDate.of(2025, 12, 29), Granularity.WEEK.bucketStart(thursday));
        assertEquals(LocalDate.of(2026, 6, 1), Granularity.WEEK.bucketStart(sunday));
        assertEquals(LocalDate.of(2026, 6, 1), Granularity.WEEK.bucketStart(LocalDate.of(2026, 6, 1)));
        assertEquals(LocalDate.of(2026, 5, 1), Granularity.MONTH.bucketStart(mayDay));
        assertEquals(LocalDate.of(2026, 4, 1), Granularity.QUARTER.bucketStart(mayDay));
        assertEquals(LocalDate.of(2026, 10, 1), Granularity.QUARTER.bucketStart(LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aPeriodCoversItsDaysAndEndsWhereTheNextBegins() {
        Period q2 = Period.containing(LocalDate.of(2026, 5, 17), Granularity.QUARTER);

        assertEquals(new Period(LocalDate.of(2026, 4, 1), Granularity.QUARTER), q2);
        assertEquals(LocalDate.of(2026, 7, 1), q2.endExclusive());
        assertTrue(q2.contains(LocalDate.of(2026, 4, 1)));
        assertTrue(q2.contains(LocalDate.of(2026, 6, 30)));
        assertFalse(q2.contains(LocalDate.of(2026, 7, 1)));
        assertFalse(q2.contains(LocalDate.of(2026, 3, 31)));
        assertEquals(new Period(LocalDate.of(2026, 7, 1), Granularity.QUARTER), q2.next());
        assertEquals(LocalDate.of(2026, 1, 5),
                Period.containing(LocalDate.of(2026, 1, 1), Granularity.WEEK).endExclusive());
    }

    @Test
    void aStartInsideABucketIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Period(LocalDate.of(2026, 5, 17), Granularity.MONTH));
        assertEquals("2026-05-17 does not start a month bucket; it would start 2026-05-01", e.getMessage());
    }
}
