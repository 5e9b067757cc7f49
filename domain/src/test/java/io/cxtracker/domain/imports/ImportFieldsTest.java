package io.cxtracker.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cxtracker.domain.shared.Violations;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportFieldsTest {

    @Test
    void readsTheExportedFormDigitByDigit() {
        assertEquals(Instant.parse("2026-03-01T09:30:00Z"), ImportFields.utcSeconds("2026-03-01T09:30:00Z"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), ImportFields.utcSeconds("2024-02-29T23:59:59Z"));
        assertEquals(Instant.parse("0000-01-01T00:00:00Z"), ImportFields.utcSeconds("0000-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T09:30:00Z", "2026-13-01T09:30:00Z", "2026-03-01T24:00:00Z", "2026-03-01T09:60:00Z",
        "2026-03-01T09:30:60Z", "2026-03-0xT09:30:00Z", "2026-03-01 09:30:00Z", "2026-03-01T09:30:00+01:00",
        "2026-03-01T09:30:00.5Z", "2026-03-01T09:30Z", "2026-03-01", "+026-03-01T09:30:00Z", "2026-03-01T09:30:0٣Z"})
    void leavesEveryOtherFormAndEveryDayThatDoesNotExistToTheGeneralParser(String text) {
        assertNull(ImportFields.utcSeconds(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T09:30:00Z", "1999-12-31T23:59:59Z", "2026-03-01T10:30:00+01:00",
        "2026-03-01T09:30:00.250Z", "2026-03-01T09:30", "2026-03-01 09:30:00"})
    void agreesWithTheGeneralParser(String text) {
        Instant expected = text.endsWith("Z") || text.contains("+") ? OffsetDateTime.parse(text).toInstant()
                : LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        assertEquals(expected, ImportFields.instant(new ImportRow(2, Map.of("at", text), null), "at",
                new Violations()));
    }
}
