package io.cxtracker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    @Test
    void changeKeepsOnlyFieldsWhoseTextChanged() {
        AuditEntry entry = AuditEntry.of("milestone", 42L, AuditEntry.UPDATE)
                .by("alice").department(new DepartmentCode("support")).requestId("req-1")
                .change("title", "Same", "Same")
                .change("progress", 40, 60)
                .change("description", null, "now described")
                .change("weight", 1.5, null)
                .build();
        assertEquals(List.of("progress", "description", "weight"), List.copyOf(entry.oldValues().keySet()));
        assertEquals("40", entry.oldValues().get("progress"));
        assertEquals("60", entry.newValues().get("progress"));
        assertNull(entry.oldValues().get("description"));
        assertNull(entry.newValues().get("weight"));
        assertEquals("42", entry.entityId());
        assertEquals("support", entry.department());
    }

    @Test
    void entriesRefuseWhatTheTableWouldRefuse() {
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("Milestone", 1, "update").by("a").build());
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("milestone", 1, "update").build());
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("milestone", 1, "up date").by("a").build());
        assertThrows(IllegalArgumentException.class,
                () -> AuditEntry.of("milestone", 1, "update").by("a").requestId("two words").build());
        assertThrows(UnsupportedOperationException.class,
                () -> AuditEntry.of("milestone", 1, "create").by("a").set("x", 1).build().newValues().put("y", "2"));
    }

    @Test
    void theRecorderFillsInWhoAndTheRequestAndSkipsEmptyUpdates() {
        List<AuditEntry> recorded = new ArrayList<>();
        AuditTrail trail = entry -> {
            recorded.add(entry);
            return new AuditRecord(recorded.size(), Instant.EPOCH, entry.actor(), entry.entityType(), entry.entityId(),
                    entry.department(), entry.action(), entry.oldValues(), entry.newValues(), entry.requestId(), "p", "h");
        };
        RequestCorrelation correlation = new RequestCorrelation();
        correlation.adopt("abc-123");
        AuditRecorder recorder = new AuditRecorder(trail, user("carol"), correlation);

        assertNull(recorder.record(AuditEntry.of("milestone", 7, AuditEntry.UPDATE).change("title", "a", "a")));
        recorder.record(AuditEntry.of("milestone", 7, AuditEntry.UPDATE).change("title", "a", "b"));
        recorder.record(AuditEntry.of("milestone", 8, AuditEntry.DELETE));

        assertEquals(2, recorded.size());
        assertEquals("carol", recorded.get(0).actor());
        assertEquals("abc-123", recorded.get(0).requestId());
        assertTrue(recorded.get(1).isEmpty());
    }

    @Test
    void aRequestIdThatIsNotASensibleTokenIsReplaced() {
        RequestCorrelation correlation = new RequestCorrelation();
        String id = correlation.adopt("evil\r\nheader: injected");
        assertFalse(id.contains("\n"));
        assertEquals(id, correlation.id());
        assertEquals(36, new RequestCorrelation().id().length());
    }

    @Test
    void aQueryNamesEveryBadParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new AuditQuery("Not A Slug", null, null,
                null, Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals(List.of("entity", "to"), e.violations().stream().map(v -> v.field()).toList());
        InvalidInputException idAlone = assertThrows(InvalidInputException.class,
                () -> new AuditQuery(null, "42", null, null, null, null));
        assertEquals("entityId", idAlone.violations().get(0).field());
        assertEquals("milestone", new AuditQuery(" milestone ", " ", "", null, null, null).entityType());
    }

    static CurrentUser user(String name, Role... roles) {
        return new CurrentUser() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Role> roles() {
                return Set.of(roles);
            }

            @Override
            public Set<DepartmentCode> departments() {
                return Set.of();
            }
        };
    }
}
