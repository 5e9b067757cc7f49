package io.cxtracker.persistence.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** COPY's text format: what each value becomes, so that PostgreSQL reads back exactly what was sent. */
class CopyTextTest {

    @Test
    void columnsAreSeparatedByTabsAndRowsEndWithANewline() {
        CopyText rows = new CopyText(2);
        rows.text("a").number(1L).endRow();
        rows.text("b").number(2L).endRow();
        assertEquals("a\t1\nb\t2\n", rows.toString());
    }

    @Test
    void nullIsBackslashN() {
        CopyText rows = new CopyText(1);
        rows.text(null).number((Long) null).number((Double) null).plain(null).endRow();
        assertEquals("\\N\t\\N\t\\N\t\\N\n", rows.toString());
    }

    @Test
    void backslashTabNewlineAndCarriageReturnInTextAreEscaped() {
        CopyText rows = new CopyText(1);
        rows.text("a\\b\tc\nd\re").endRow();
        assertEquals("a\\\\b\\tc\\nd\\re\n", rows.toString());
    }

    @Test
    void textThatLooksLikeNullIsNotNull() {
        CopyText rows = new CopyText(1);
        rows.text("\\N").endRow();
        assertEquals("\\\\N\n", rows.toString());
    }

    @Test
    void otherCharactersGoAsTheyAre() {
        CopyText rows = new CopyText(1);
        rows.text("Zoë, \"quoted\"; 日本 😀").endRow();
        assertEquals("Zoë, \"quoted\"; 日本 😀\n", rows.toString());
    }

    @Test
    void doublesGoInTheirShortestExactFormAndTheSpecialValuesByTheirPostgresNames() {
        CopyText rows = new CopyText(1);
        rows.number(0.1).number(1e20).number(-2.5).number(Double.NaN).number(Double.POSITIVE_INFINITY)
                .number(Double.NEGATIVE_INFINITY).endRow();
        assertEquals("0.1\t1.0E20\t-2.5\tNaN\tInfinity\t-Infinity\n", rows.toString());
    }

    @Test
    void datesAndInstantsGoInTheirIsoForm() {
        CopyText rows = new CopyText(1);
        rows.temporal(LocalDate.of(2026, 3, 1)).temporal(Instant.parse("2026-03-01T10:15:30.123Z")).temporal(null).endRow();
        assertEquals("2026-03-01\t2026-03-01T10:15:30.123Z\t\\N\n", rows.toString());
    }

    @Test
    void aDateOrInstantSeenBeforeIsWrittenTheSameWayAlsoWhenMoreThanTheRememberedOnesWereSeen() {
        CopyText rows = new CopyText(5000);
        StringBuilder expected = new StringBuilder();
        LocalDate first = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < 5000; i++) {
            LocalDate day = first.plusDays(i % 4500);
            rows.temporal(day).temporal(Instant.EPOCH).endRow();
            expected.append(day).append("\t1970-01-01T00:00:00Z\n");
        }
        assertEquals(expected.toString(), rows.toString());
    }
}
