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

    @Test
    void aFormulaBehindWhitespaceOrControlCharactersIsGuardedToo() {
        assertEquals("' =1+1", CellText.of(" =1+1"));
        assertEquals("'   +SUM(A1:A9)", CellText.of("   +SUM(A1:A9)"));
        assertEquals("'\n=1", CellText.of("\n=1"));
        assertEquals("'\u0001@cmd", CellText.of("\u0001@cmd"));
        assertEquals("'\u00A0-2+3", CellText.of("\u00A0-2+3"), "a no-break space");
        assertEquals("'\u3000=1", CellText.of("\u3000=1"), "an ideographic (full-width) space");
        assertEquals("'\t\tplain", CellText.of("\t\tplain"), "a leading tab is guarded whatever follows");
        assertEquals("  plain text", CellText.of("  plain text"));
        assertEquals("   ", CellText.of("   "));
    }

    @Test
    void fullWidthFormulaCharactersAreGuarded() {
        assertEquals("'\uFF1D1+1", CellText.of("\uFF1D1+1"), "＝");
        assertEquals("'\uFF0B1", CellText.of("\uFF0B1"), "＋");
        assertEquals("'\uFF0D1", CellText.of("\uFF0D1"), "－");
        assertEquals("'\uFF20A1", CellText.of("\uFF20A1"), "＠");
        assertEquals("' \uFF1DHYPERLINK(\"x\")", CellText.of(" \uFF1DHYPERLINK(\"x\")"));
        assertEquals("A\uFF1D1", CellText.of("A\uFF1D1"), "inside the text it is just a character");
    }
}
