package io.cxtracker.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.domain.audit.AuditQuery;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.AuditRecordRepository;
import io.cxtracker.domain.audit.AuditService;
import io.cxtracker.domain.audit.ChainVerification;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.MilestoneRepository;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MilestoneHistoryResourceTest {
    private final List<Object> asked = new ArrayList<>();
    private final List<AuditRecord> stored = new ArrayList<>();

    private final AuditRecordRepository repository = new AuditRecordRepository() {
        @Override
        public Page<AuditRecord> find(AuditQuery query, PageRequest page) {
            asked.add(query);
            asked.add(page);
            List<AuditRecord> hits = stored.stream().filter(r -> r.isAbout(query.entityType(), query.entityId())).toList();
            return new Page<>(hits, hits.size());
        }

        @Override
        public void history(String entityType, String entityId, Instant until, Consumer<AuditRecord> each) {
            asked.add(until);
            stored.stream().filter(r -> r.isAbout(entityType, entityId) && !r.at().isAfter(until)).forEach(each);
        }

        @Override
        public ChainVerification verifyChain() {
            throw new UnsupportedOperationException();
        }
    };

    private final MilestoneRepository milestones = new MilestoneRepository() {
        @Override
        public Optional<Milestone> findById(long id) {
            return Optional.empty();
        }

        @Override
        public List<Milestone> listByInitiative(long initiativeId) {
            return List.of();
        }

        @Override
        public void add(Milestone milestone) {
        }

        @Override
        public void store(Milestone milestone) {
        }
    };

    @Test
    void answersTheMilestonesRecordsPagedAndItsStateAsOfAnInstant() {
        stored.add(record(1, "2026-02-01T10:00:00Z", "create", Set.of(), "title", "Launch"));
        stored.add(record(2, "2026-02-03T10:00:00Z", "check-in", Set.of("status"), "status", "IN_PROGRESS"));
        MilestoneHistoryResource resource = resource(Role.DEPARTMENT_LEAD);

        PageResponse<AuditRecordResponse> page = resource.records(7, "0", "10", "-seq");
        assertEquals(2, page.total());
        assertEquals(AuditQuery.entity("milestone", 7), asked.get(0));
        assertEquals(false, ((PageRequest) asked.get(1)).ascending());

        EntityStateResponse before = resource.state(7, "2026-02-02");
        assertEquals(Instant.parse("2026-02-02T23:59:59.999999Z"), asked.get(2), "a day means its last microsecond");
        assertEquals("Launch", before.fields().get("title"));
        assertEquals(null, before.fields().get("status"));
        EntityStateResponse after = resource.state(7, "2026-02-03T10:00:00Z");
        assertEquals("IN_PROGRESS", after.fields().get("status"));
    }

    @Test
    void unknownMilestonesBadInstantsAndMachinesAreRefused() {
        assertThrows(NotFoundException.class, () -> resource(Role.AUDITOR).records(99, null, null, null));
        assertThrows(NotFoundException.class, () -> resource(Role.AUDITOR).state(99, "2026-01-01"));
        assertThrows(InvalidInputException.class, () -> resource(Role.AUDITOR).state(7, "yesterday"));
        assertThrows(AccessDeniedException.class, () -> resource(Role.METRICS_INGEST).records(7, null, null, null));
    }

    private static AuditRecord record(long seq, String at, String action, Set<String> oldFields, String field, String value) {
        LinkedHashMap<String, String> old = new LinkedHashMap<>();
        oldFields.forEach(f -> old.put(f, "NOT_STARTED"));
        LinkedHashMap<String, String> now = new LinkedHashMap<>();
        now.put(field, value);
        return new AuditRecord(seq, Instant.parse(at), "lee", "milestone", "7", "support", action, old, now, "req-" + seq,
                "0".repeat(64), "a".repeat(64));
    }

    private MilestoneHistoryResource resource(Role role) {
        CurrentUser user = new CurrentUser() {
            @Override
            public String name() {
                return "u";
            }

            @Override
            public Set<Role> roles() {
                return Set.of(role);
            }

            @Override
            public Set<DepartmentCode> departments() {
                return Set.of();
            }
        };
        MilestoneHistoryResource resource = new MilestoneHistoryResource();
        resource.audit = new AuditService(repository, user);
        resource.milestones = new MilestoneService(milestones, null, null, null, user, null, null, null);
        return resource;
    }
}
