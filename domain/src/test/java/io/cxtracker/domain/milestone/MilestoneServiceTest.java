package io.cxtracker.domain.milestone;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.EntityState;
import io.cxtracker.domain.audit.StateAsOf;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.testing.InMemory;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import io.cxtracker.domain.testing.TestUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MilestoneServiceTest {
    private static final Instant NOW = Instant.parse("2026-04-01T10:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private InMemory store;
    private InMemoryAuditTrail audit;
    private long initiativeId;
    private long targetId;

    @BeforeEach
    void plan() {
        store = new InMemory();
        audit = new InMemoryAuditTrail();
        var support = store.department("support");
        store.department("billing");
        Program program = Program.withDefaultPhases("CX", LocalDate.of(2026, 1, 1));
        store.programs.add(program);
        Initiative initiative = new Initiative(program.phase(1).orElseThrow(), Pillar.MEASURE, "CSAT", null, support, Map.of());
        store.initiatives.add(initiative);
        initiativeId = initiative.id();
        Metric csat = new Metric(new MetricKey("csat"), "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support,
                ReportingFrequency.DAILY);
        store.metrics.add(csat);
        Target target = new Target(csat, null, 70.0, 80.0, LocalDate.of(2026, 6, 30), null, null);
        store.targets.add(target);
        targetId = target.id();
    }

    private MilestoneService as(CurrentUser user) {
        return new MilestoneService(store.milestones, store.initiatives, store.departments, store.targets, user, CLOCK, audit.recorder(user),
                store.approvals);
    }

    private MilestoneView supportMilestone() {
        return as(TestUser.programAdmin()).create(new NewMilestone(initiativeId, "CSAT survey live", null, "support", "alice",
                LocalDate.of(2026, 6, 30), List.of("https://wiki.example.com/csat"), null));
    }

    @Test
    void programAdminsAddMilestonesLeadsDoNot() {
        MilestoneView created = supportMilestone();
        assertEquals("support", created.ownerDepartment());
        assertEquals(0, created.version());
        AuditEntry entry = audit.last(1);
        assertEquals(List.of("milestone", String.valueOf(created.id()), "create", "support", "ada", "test-request"),
                List.of(entry.entityType(), entry.entityId(), entry.action(), entry.department(), entry.actor(), entry.requestId()));
        assertEquals(Map.of(), entry.oldValues());
        assertEquals("CSAT survey live", entry.newValues().get("title"));
        assertEquals("alice", entry.newValues().get("ownerPerson"));
        assertEquals("2026-06-30", entry.newValues().get("due"));
        assertEquals("https://wiki.example.com/csat", entry.newValues().get("evidence"));
        assertEquals(String.valueOf(initiativeId), entry.newValues().get("initiative"));
        assertEquals("0", entry.newValues().get("progress"));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf("support")).create(new NewMilestone(initiativeId,
                "Mine", null, "support", "lee", LocalDate.of(2026, 6, 30), null, null)));
        fields(() -> as(TestUser.programAdmin()).create(new NewMilestone(initiativeId, "", null, "legal", "x",
                LocalDate.of(2030, 1, 1), null, null)), "ownerDepartment", "title", "due");
        assertEquals(1, audit.size(), "refused writes leave no audit record");
    }

    @Test
    void theOwningDepartmentsLeadChecksInAsThemselvesAtTheClocksTime() {
        MilestoneView milestone = supportMilestone();
        MilestoneView after = as(TestUser.leadOf("support")).checkIn(milestone.id(), milestone.version(),
                new NewCheckIn(CheckInStatus.IN_PROGRESS, 40, "chat survey live", List.of("https://bi.example.com/csat")));
        assertEquals(40, after.progress());
        assertEquals(CheckInStatus.IN_PROGRESS, after.reportedStatus());
        assertEquals(1, after.version());
        AuditEntry entry = audit.last(2);
        assertEquals("check-in", entry.action());
        assertEquals("lee", entry.actor());
        assertEquals("support", entry.department());
        assertEquals(Map.of("progress", "0", "checkIns", "0"), Map.of("progress", entry.oldValues().get("progress"),
                "checkIns", entry.oldValues().get("checkIns")));
        assertNull(entry.oldValues().get("status"));
        assertEquals("40", entry.newValues().get("progress"));
        assertEquals("IN_PROGRESS", entry.newValues().get("status"));
        assertEquals("1", entry.newValues().get("checkIns"));
        assertEquals("chat survey live", entry.newValues().get("checkIn.comment"));
        assertEquals("https://bi.example.com/csat", entry.newValues().get("checkIn.evidence"));
        assertEquals(NOW.toString(), entry.newValues().get("checkIn.at"));

        CheckInView checkIn = as(TestUser.executive()).checkIns(milestone.id()).get(0);
        assertEquals("lee", checkIn.author());
        assertEquals(NOW, checkIn.at());
    }

    @Test
    void aLeadOfAnotherDepartmentAndAnExecutiveMayOnlyRead() {
        MilestoneView milestone = supportMilestone();
        NewCheckIn done = new NewCheckIn(CheckInStatus.DONE, 100, null, null);
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf("billing")).checkIn(milestone.id(), 0, done));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.executive()).checkIn(milestone.id(), 0, done));
        assertThrows(AccessDeniedException.class,
                () -> as(TestUser.leadOf("billing")).overrideStatus(milestone.id(), 0, MilestoneStatus.DONE, "because"));
        assertEquals(0, as(TestUser.executive()).get(milestone.id()).checkInCount());
        assertEquals(1, audit.size(), "only the creation is recorded; refused writes leave no audit record");
    }

    @Test
    void aStaleVersionIsRefusedSoNoUpdateIsLost() {
        MilestoneView milestone = supportMilestone();
        CurrentUser lead = TestUser.leadOf("support");
        as(lead).checkIn(milestone.id(), 0, new NewCheckIn(CheckInStatus.IN_PROGRESS, 40, null, null));

        ConcurrentUpdateException stale = assertThrows(ConcurrentUpdateException.class,
                () -> as(lead).checkIn(milestone.id(), 0, new NewCheckIn(CheckInStatus.BLOCKED, 10, null, null)));
        assertEquals(0, stale.expectedVersion());
        assertEquals(1, stale.actualVersion());
        assertThrows(ConcurrentUpdateException.class, () -> as(lead).update(milestone.id(), 0,
                new MilestoneRevision("x", null, "support", "alice", LocalDate.of(2026, 6, 30), null, null)));
        assertEquals(40, as(lead).get(milestone.id()).progress());
        assertEquals(List.of("create", "check-in"), audit.entries.stream().map(AuditEntry::action).toList(),
                "stale writes leave no audit record");
    }

    @Test
    void handingAMilestoneToAnotherDepartmentNeedsWriteAccessToBoth() {
        MilestoneView milestone = supportMilestone();
        MilestoneRevision toBilling = new MilestoneRevision("CSAT survey live", null, "billing", "bob",
                LocalDate.of(2026, 6, 30), null, 2.0);
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf("support")).update(milestone.id(), 0, toBilling));
        MilestoneView moved = as(TestUser.leadOf("support", "billing")).update(milestone.id(), 0, toBilling);
        assertEquals("billing", moved.ownerDepartment());
        assertEquals(2.0, moved.weight());
        assertEquals(List.of(), moved.evidence());

        AuditEntry entry = audit.last(2);
        assertEquals("update", entry.action());
        assertEquals("billing", entry.department(), "filed under the new owner");
        assertEquals(List.of("ownerDepartment", "ownerPerson", "evidence", "weight"), List.copyOf(entry.oldValues().keySet()));
        assertEquals("support", entry.oldValues().get("ownerDepartment"));
        assertEquals("billing", entry.newValues().get("ownerDepartment"));
        assertEquals("alice", entry.oldValues().get("ownerPerson"));
        assertEquals("bob", entry.newValues().get("ownerPerson"));
        assertNull(entry.newValues().get("evidence"));
        assertEquals("2.0", entry.newValues().get("weight"));

        EntityState state = StateAsOf.of("milestone", String.valueOf(milestone.id()), Instant.EPOCH.plusSeconds(10),
                audit.records).orElseThrow();
        assertEquals(List.of(), state.inconsistencies());
        assertEquals("billing", state.fields().get("ownerDepartment"));
        assertEquals("CSAT survey live", state.fields().get("title"));
        EntityState asCreated = StateAsOf.of("milestone", String.valueOf(milestone.id()), Instant.EPOCH.plusSeconds(1),
                audit.records).orElseThrow();
        assertEquals("support", asCreated.fields().get("ownerDepartment"));
    }

    @Test
    void aProgramAdminsOverrideNeedsAReasonAppliesAtOnceAndRecordsWhoAndWhen() {
        MilestoneView milestone = supportMilestone();
        CurrentUser admin = TestUser.programAdmin();
        fields(() -> as(admin).overrideStatus(milestone.id(), 0, MilestoneStatus.ON_TRACK, " "), "reason");

        ChangeOutcome outcome = as(admin).overrideStatus(milestone.id(), 0, MilestoneStatus.ON_TRACK, "vendor signed");
        assertFalse(outcome.isRequested());
        MilestoneView overridden = outcome.applied();
        assertEquals(new StatusOverride(MilestoneStatus.ON_TRACK, "vendor signed", "ada", NOW), overridden.override());
        assertNull(as(TestUser.leadOf("support")).clearOverride(milestone.id(), overridden.version()).override());

        assertEquals(List.of("create", "override-status", "clear-override"),
                audit.entries.stream().map(AuditEntry::action).toList());
        AuditEntry override = audit.entries.get(1);
        assertEquals(Map.of("overrideStatus", "ON_TRACK", "overrideReason", "vendor signed"), override.newValues());
        assertEquals("ada", override.actor());
        AuditEntry cleared = audit.entries.get(2);
        assertEquals(Map.of("overrideStatus", "ON_TRACK", "overrideReason", "vendor signed"), cleared.oldValues());
        assertNull(cleared.newValues().get("overrideStatus"));
        assertEquals(List.of(), store.approvalRows, "a program admin's override needs no request");
    }

    @Test
    void targetsAreLinkedByIdAndAProgramAdminUnlinksAtOnce() {
        MilestoneView milestone = supportMilestone();
        CurrentUser lead = TestUser.leadOf("support");
        MilestoneView linked = as(lead).linkTarget(milestone.id(), 0, targetId);
        assertEquals(List.of(targetId), linked.targetIds());
        fields(() -> as(lead).linkTarget(milestone.id(), linked.version(), 999), "targetId");
        assertEquals(List.of(), as(TestUser.programAdmin()).unlinkTarget(milestone.id(), linked.version(), targetId, null)
                .applied().targetIds());

        assertEquals(List.of("create", "link-target", "unlink-target"), audit.entries.stream().map(AuditEntry::action).toList());
        assertEquals(String.valueOf(targetId), audit.entries.get(1).newValues().get("targets"));
        assertEquals(String.valueOf(targetId), audit.entries.get(2).oldValues().get("targets"));
        assertNull(audit.entries.get(2).newValues().get("targets"));
    }
}
