package io.cxtracker.domain.alert.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Message-IDs are derived, never random: the same mail has the same one on every attempt and node. */
class MessageIdsTest {
    private final MessageIds ids = new MessageIds("cxtracker.example");

    @Test
    void anImmediateMailIsNamedByItsAlertAndPerson() {
        assertEquals("<alert-42.lead-support@cxtracker.example>", ids.forAlert(42, "lead-support"));
        assertEquals(ids.forAlert(42, "lead-support"), new MessageIds("cxtracker.example").forAlert(42, "lead-support"));
        assertNotEquals(ids.forAlert(42, "lead-support"), ids.forAlert(42, "lead-marketing"));
        assertNotEquals(ids.forAlert(42, "lead-support"), ids.forAlert(43, "lead-support"));
    }

    @Test
    void aBundleIsNamedByItsPersonAndDueTimeAndALaterOneOfTheSameTimeByItsNumber() {
        Instant due = Instant.parse("2026-06-15T05:00:00Z");
        assertEquals("<digest-20260615T0500Z.exec@cxtracker.example>", ids.forBundle("exec", due, 1));
        assertEquals("<digest-20260615T0500Z-2.exec@cxtracker.example>", ids.forBundle("exec", due, 2));
        assertThrows(IllegalArgumentException.class, () -> ids.forBundle("exec", due, 0));
    }

    @Test
    void userNamesAreEncodedWhereAMessageIdCannotHoldThem() {
        // a dot would be read as a separator, '@' and '>' would end the id, non-ASCII is not allowed at all
        assertEquals("<alert-1.j=2Edoe=40corp=3E@cxtracker.example>", ids.forAlert(1, "j.doe@corp>"));
        assertEquals("<alert-1.z=C3=BCrich@cxtracker.example>", ids.forAlert(1, "zürich"));
        // and distinct names stay distinct
        assertNotEquals(ids.forAlert(1, "a.b"), ids.forAlert(1, "a=2Eb"));
    }

    @Test
    void theDomainMustBeAHostName() {
        assertThrows(IllegalArgumentException.class, () -> new MessageIds("bad domain"));
        assertThrows(IllegalArgumentException.class, () -> new MessageIds("x>y"));
        assertThrows(IllegalArgumentException.class, () -> new MessageIds(""));
    }
}
