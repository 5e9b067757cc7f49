package io.cxtracker.persistence.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqlInstantTest {

    @Test
    void anInstantIsAQuotedUtcLiteralAndNoInstantIsRefused() {
        assertEquals("TIMESTAMPTZ '2026-06-30T23:59:59.999999Z'", SqlInstant.literal(Instant.parse("2026-06-30T23:59:59.999999Z")));
        assertEquals("TIMESTAMPTZ '1970-01-01T00:00:00Z'", SqlInstant.literal(Instant.EPOCH));
        assertThrows(NullPointerException.class, () -> SqlInstant.literal(null));
    }
}
