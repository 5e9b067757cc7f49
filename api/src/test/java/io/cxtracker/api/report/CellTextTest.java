package io.cxtracker.api.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CellTextTest {

    @Test
    void numbersDatesAndInstantsHaveOneTextEach() {
        assertEquals("80", CellText.of(80.0));
        assertEquals("72.5", CellText.of(72.50));
        assertEquals("-10", CellText.of(-10.0), "a negative number is a number, not a formula");
        assertEquals("0.000001", CellText.of(1e-6));
        assertEquals("42", CellText.of(42L));
        assertEquals("2026-03-31", CellText.of(LocalDate.of(2026, 3, 31)));
        assertEquals("2026-03-31T23:59:59.000001Z", CellText.of(Instant.parse("2026-03-31T23:59:59.000001Z")));
        assertNull(CellText.of(null));
    }

    @Test
    void onlyTextThatASpreadsheetWouldEvaluateIsGuarded() {
        for (String payload : new String[] {"=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"}) {
            assertEquals("'" + payload, CellText.of(payload));
        }
        assertEquals("Plain text - with = inside", CellText.of("Plain text - with = inside"));
        assertEquals("'already quoted", CellText.of("'already quoted"));
        assertEquals("", CellText.of(""));
    }
}
