package io.cxtracker.domain.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.metric.DateRange;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoopWindowsTest {

    @Test
    void beforeIsTheWindowUpToThePivotAndAfterIsTheLatestWindow() {
        LoopWindows w = LoopWindows.around(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 23), 30);
        assertEquals(new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)), w.before());
        assertEquals(Optional.of(new DateRange(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 11, 23))), w.after());
    }

    @Test
    void afterNeverStartsBeforeThePivot() {
        LoopWindows w = LoopWindows.around(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 23), 30);
        assertEquals(Optional.of(new DateRange(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 23))), w.after());
        LoopWindows sameDay = LoopWindows.around(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23), 30);
        assertEquals(Optional.of(new DateRange(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23))), sameDay.after());
    }

    @Test
    void thereIsNoAfterBeforeThePivotHasCome() {
        assertTrue(LoopWindows.around(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 23), 30).after().isEmpty());
    }
}
