package io.cxtracker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AuditServiceTest {

    private final AuditRecordRepository repository = new AuditRecordRepository() {
        @Override
        public Page<AuditRecord> find(AuditQuery query, PageRequest page) {
            return new Page<>(List.of(), 0);
        }

        @Override
        public void history(String entityType, String entityId, Instant until, Consumer<AuditRecord> each) {
            LinkedHashMap<String, String> created = new LinkedHashMap<>();
            created.put("name", "Support");
            each.accept(new AuditRecord(1, Instant.parse("2026-01-01T00:00:00Z"), "admin", entityType, entityId, null,
                    "create", new LinkedHashMap<>(), created, "r", "0".repeat(64), "a".repeat(64)));
        }

        @Override
        public ChainVerification verifyChain() {
            return ChainVerification.intact(1, 1L, "a".repeat(64));
        }
    };

    @Test
    void executivesAuditorsAndProgramAdminsRead() {
        for (Role role : List.of(Role.EXECUTIVE, Role.AUDITOR, Role.PROGRAM_ADMIN)) {
            AuditService service = new AuditService(repository, AuditEntryTest.user("u", role));
            assertEquals(0, service.find(AuditQuery.all(), PageRequest.first(10)).total());
            assertEquals(true, service.verify().intact());
            assertEquals("Support", service.stateAsOf("department", "support", Instant.parse("2026-02-01T00:00:00Z"))
                    .orElseThrow().fields().get("name"));
        }
    }

    @Test
    void leadsAndMachinesDoNot() {
        for (Role role : List.of(Role.DEPARTMENT_LEAD, Role.METRICS_INGEST)) {
            AuditService service = new AuditService(repository, AuditEntryTest.user("u", role));
            assertThrows(AccessDeniedException.class, () -> service.find(AuditQuery.all(), PageRequest.first(10)));
            assertThrows(AccessDeniedException.class, service::verify);
        }
        assertThrows(AccessDeniedException.class, () -> new AuditService(repository, AuditEntryTest.user("anonymous")).verify());
    }

    @Test
    void everyReaderAndEveryDepartmentLeadReadsAMilestonesHistory() {
        for (Role role : List.of(Role.EXECUTIVE, Role.AUDITOR, Role.PROGRAM_ADMIN, Role.DEPARTMENT_LEAD)) {
            AuditService service = new AuditService(repository, AuditEntryTest.user("u", role));
            assertEquals(0, service.milestoneHistory(7, PageRequest.first(10)).total());
            EntityState state = service.milestoneAsOf(7, Instant.parse("2026-02-01T00:00:00Z")).orElseThrow();
            assertEquals("milestone", state.entityType());
            assertEquals("7", state.entityId());
            assertEquals("Support", state.fields().get("name"));
        }
        AuditService machine = new AuditService(repository, AuditEntryTest.user("u", Role.METRICS_INGEST));
        assertThrows(AccessDeniedException.class, () -> machine.milestoneHistory(7, PageRequest.first(10)));
        assertThrows(AccessDeniedException.class, () -> machine.milestoneAsOf(7, Instant.now()));
        AuditService lead = new AuditService(repository, AuditEntryTest.user("u", Role.DEPARTMENT_LEAD));
        assertThrows(AccessDeniedException.class, () -> lead.stateAsOf("department", "support", Instant.now()));
    }
}
