package io.cxtracker.api.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void aStrongTagNamesAVersion() {
        assertEquals(7, ETags.expectedVersion("\"7\""));
        assertEquals(0, ETags.expectedVersion(" \"0\" "));
    }

    @Test
    void aMissingTagOrAStarIsRequiredToBeSpecific() {
        assertThrows(PreconditionRequiredException.class, () -> ETags.expectedVersion(null));
        assertThrows(PreconditionRequiredException.class, () -> ETags.expectedVersion(" "));
        assertThrows(PreconditionRequiredException.class, () -> ETags.expectedVersion("*"));
    }

    @Test
    void weakMalformedOrSeveralTagsMatchNothing() {
        assertEquals(ETags.NO_MATCH, ETags.expectedVersion("W/\"7\""));
        assertEquals(ETags.NO_MATCH, ETags.expectedVersion("7"));
        assertEquals(ETags.NO_MATCH, ETags.expectedVersion("\"7\", \"8\""));
        assertEquals(ETags.NO_MATCH, ETags.expectedVersion("\"-1\""));
        assertEquals(ETags.NO_MATCH, ETags.expectedVersion("\"99999999999999999999999\""));
        assertEquals(ETags.NO_MATCH, ETags.expectedVersion("\"\""));
    }
}
