package io.cxtracker.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.audit.AuditQuery;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.AuditRecordRepository;
import io.cxtracker.domain.audit.AuditService;
import io.cxtracker.domain.audit.ChainVerification;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AuditResourceTest {
    private final List<Object[]> asked = new ArrayList<>();
    private final AuditRecordRepository repository = new AuditRecordRepository() {
        @Override
        public Page<AuditRecord> find(AuditQuery query, PageRequest page) {
            asked.add(new Object[] {query, page});
            LinkedHashMap<String, String> now = new LinkedHashMap<>();
            now.put("name", "Support");
            return new Page<>(List.of(new AuditRecord(5, Instant.parse("2026-02-01T10:00:00Z"), "admin", "department", "support",
                    "support", "create", new LinkedHashMap<>(), now, "req-5", "0".repeat(64), "a".repeat(64))), 1);
        }

        @Override
        public void history(String entityType, String entityId, Instant until, Consumer<AuditRecord> each) {
            asked.add(new Object[] {until});
        }

        @Override
        public ChainVerification verifyChain() {
            return ChainVerification.broken(10, 7, "its content does not match its hash: the record was altered", 10L, "b".repeat(64));
        }
    };

    @Test
    void daysAndInstantsAreReadAndEveryBadParameterIsNamed() {
        AuditResource resource = resource();
        var page = resource.list("department", "support", null, null, "2026-02-01", "2026-02-28", "0", "10", "-seq");
        assertEquals("Support", page.items().get(0).newValues().get("name"));
        AuditQuery query = (AuditQuery) asked.get(0)[0];
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), query.to(), "a day as 'to' means through that day");
        assertEquals(false, ((PageRequest) asked.get(0)[1]).ascending());

        resource.list(null, null, "alice", null, "2026-02-01T09:30:00+02:00", null, null, null, null);
        assertEquals(Instant.parse("2026-02-01T07:30:00Z"), ((AuditQuery) asked.get(1)[0]).from());

        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> resource.list(null, "42", null, null, "yesterday", "2026-13-01", "-1", "lots", null));
        assertEquals(List.of("from", "to", "offset", "limit", "entityId"),
                bad.violations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void verifyReportsTheBrokenLinkAndStateNeedsItsThing() {
        AuditResource resource = resource();
        ChainStatusResponse status = resource.verify();
        assertEquals(false, status.intact());
        assertEquals(7L, status.brokenSeq());
        assertEquals(Instant.parse("2026-05-01T00:00:00Z"), status.checkedAt());

        assertThrows(NotFoundException.class, () -> resource.state("milestone", "42", "2026-03-31"));
        assertEquals(Instant.parse("2026-03-31T23:59:59.999999Z"), asked.get(0)[0], "a day means its last microsecond");
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> resource.state(null, " ", "soon"));
        assertEquals(List.of("entity", "entityId", "at"), missing.violations().stream().map(FieldViolation::field).toList());
    }

    private AuditResource resource() {
        AuditResource resource = new AuditResource();
        resource.audit = new AuditService(repository, new CurrentUser() {
            @Override
            public String name() {
                return "audrey";
            }

            @Override
            public Set<Role> roles() {
                return Set.of(Role.AUDITOR);
            }

            @Override
            public Set<DepartmentCode> departments() {
                return Set.of();
            }
        });
        resource.clock = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);
        return resource;
    }
}
