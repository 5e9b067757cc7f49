package io.cxtracker.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimelinessTest {
    private static final LocalDate DUE = LocalDate.of(2026, 6, 30);

    @Test
    void doneOnTheDueDateIsOnTimeAndADayLaterIsLate() {
        assertEquals(Timeliness.ON_TIME, Timeliness.of(DUE, DUE, LocalDate.of(2026, 12, 31)));
        assertEquals(Timeliness.LATE, Timeliness.of(DUE, DUE.plusDays(1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void notDoneIsOpenUntilTheDueDateAndOverdueAfterIt() {
        assertEquals(Timeliness.OPEN, Timeliness.of(DUE, null, DUE));
        assertEquals(Timeliness.OVERDUE, Timeliness.of(DUE, null, DUE.plusDays(1)));
    }

    @Test
    void doneAfterTheAsOfDayCountsAsNotDoneYet() {
        assertEquals(Timeliness.OVERDUE, Timeliness.of(DUE, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 7, 15)));
        assertEquals(Timeliness.NO_DUE_DATE, Timeliness.of(null, null, DUE));
    }
}
