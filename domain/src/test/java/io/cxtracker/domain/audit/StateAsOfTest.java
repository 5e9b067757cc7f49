package io.cxtracker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

/** A milestone's history by hand: created, checked in twice, overridden, and what it looked like in between. */
class StateAsOfTest {
    private static final Instant JAN = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-10T09:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant APR = Instant.parse("2026-04-10T09:00:00Z");

    private static final List<AuditRecord> HISTORY = List.of(
            record(1, JAN, "create", map(), map("title", "Publish the NPS baseline", "status", "NOT_STARTED", "progress", "0")),
            record(4, FEB, "check-in", map("status", "NOT_STARTED", "progress", "0"), map("status", "IN_PROGRESS", "progress", "40")),
            record(9, MAR, "override", map("status", "IN_PROGRESS"), map("status", "DONE", "override reason", "signed off by the CCO")),
            record(12, APR, "update", map("override reason", "signed off by the CCO", "title", "Publish the NPS baseline"),
                    map("title", "Publish the NPS and CSAT baseline")));

    @Test
    void beforeTheFirstRecordThereIsNothing() {
        assertTrue(StateAsOf.of("milestone", "42", JAN.minusSeconds(1), HISTORY).isEmpty());
    }

    @Test
    void theInstantOfARecordIncludesIt() {
        EntityState state = StateAsOf.of("milestone", "42", JAN, HISTORY).orElseThrow();
        assertEquals(map("title", "Publish the NPS baseline", "status", "NOT_STARTED", "progress", "0"), state.fields());
        assertEquals(1, state.lastSeq());
        assertTrue(state.exists());
    }

    @Test
    void betweenRecordsTheEarlierOneHolds() {
        EntityState state = StateAsOf.of("milestone", "42", Instant.parse("2026-03-01T00:00:00Z"), HISTORY).orElseThrow();
        assertEquals(map("title", "Publish the NPS baseline", "status", "IN_PROGRESS", "progress", "40"), state.fields());
        assertEquals(4, state.lastSeq());
        assertEquals(FEB, state.lastChangedAt());
        assertEquals("alice", state.lastChangedBy());
        assertEquals(List.of(), state.inconsistencies());
    }

    @Test
    void anOverrideAddsItsReasonAndALaterUpdateRemovesIt() {
        EntityState march = StateAsOf.of("milestone", "42", MAR, HISTORY).orElseThrow();
        assertEquals("DONE", march.fields().get("status"));
        assertEquals("signed off by the CCO", march.fields().get("override reason"));

        EntityState april = StateAsOf.of("milestone", "42", APR.plusSeconds(3600), HISTORY).orElseThrow();
        assertEquals(map("title", "Publish the NPS and CSAT baseline", "status", "DONE", "progress", "40"), april.fields());
        assertFalse(april.fields().containsKey("override reason"));
        assertEquals(12, april.lastSeq());
    }

    @Test
    void aDeletionEmptiesTheThingAndACreationStartsItAgain() {
        List<AuditRecord> history = List.of(
                record(1, JAN, "create", map(), map("name", "Support")),
                record(2, FEB, "delete", map("name", "Support"), map()),
                record(3, MAR, "create", map(), map("name", "Customer support")));
        EntityState deleted = StateAsOf.of("milestone", "42", FEB, history).orElseThrow();
        assertFalse(deleted.exists());
        assertEquals(Map.of(), deleted.fields());
        EntityState again = StateAsOf.of("milestone", "42", MAR, history).orElseThrow();
        assertTrue(again.exists());
        assertEquals(map("name", "Customer support"), again.fields());
        assertEquals(List.of(), again.inconsistencies());
    }

    @Test
    void anOldValueThatDisagreesWithTheHistoryIsReported() {
        List<AuditRecord> history = List.of(
                record(1, JAN, "create", map(), map("status", "NOT_STARTED")),
                // someone set IN_PROGRESS without an audit record, then:
                record(2, FEB, "check-in", map("status", "IN_PROGRESS"), map("status", "DONE")));
        EntityState state = StateAsOf.of("milestone", "42", FEB, history).orElseThrow();
        assertEquals("DONE", state.fields().get("status"));
        assertEquals(List.of("record 2: status was 'IN_PROGRESS' by the record but 'NOT_STARTED' by the history before it"),
                state.inconsistencies());
    }

    @Test
    void aHistoryThatStartsMidLifeOnlyChecksFieldsItHasSeen() {
        List<AuditRecord> history = List.of(
                record(5, JAN, "update", map("status", "IN_PROGRESS"), map("status", "AT_RISK")),
                record(6, FEB, "update", map("title", "Old title", "status", "AT_RISK"), map("title", "New title", "status", "DONE")));
        EntityState state = StateAsOf.of("milestone", "42", FEB, history).orElseThrow();
        assertEquals(map("status", "DONE", "title", "New title"), state.fields());
        assertEquals(List.of(), state.inconsistencies());
    }

    @Test
    void aNullNewValueClearsTheField() {
        List<AuditRecord> history = List.of(
                record(1, JAN, "create", map(), map("description", "draft", "title", "T")),
                record(2, FEB, "update", map("description", "draft"), map("description", null)));
        assertEquals(map("title", "T"), StateAsOf.of("milestone", "42", FEB, history).orElseThrow().fields());
    }

    @Test
    void recordsMustBeInOrderAndAboutTheSameThing() {
        StateAsOf fold = new StateAsOf("milestone", "42", APR);
        fold.accept(HISTORY.get(1));
        assertThrows(IllegalArgumentException.class, () -> fold.accept(HISTORY.get(0)));
        AuditRecord other = new AuditRecord(20, APR, "bob", "milestone", "43", null, "update", map(), map("x", "y"), "r", "p", "h");
        assertThrows(IllegalArgumentException.class, () -> fold.accept(other));
    }

    private static AuditRecord record(long seq, Instant at, String action, SequencedMap<String, String> old,
            SequencedMap<String, String> now) {
        return new AuditRecord(seq, at, "alice", "milestone", "42", "support", action, old, now, "req-" + seq,
                "0".repeat(64), "f".repeat(64));
    }

    private static SequencedMap<String, String> map(String... pairs) {
        SequencedMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
