package io.cxtracker.domain.milestone;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import io.cxtracker.domain.target.Target;
import io.cxtracker.domain.testing.InMemory;
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
    private long initiativeId;
    private long targetId;

    @BeforeEach
    void plan() {
        store = new InMemory();
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
        return new MilestoneService(store.milestones, store.initiatives, store.departments, store.targets, user, CLOCK);
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
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf("support")).create(new NewMilestone(initiativeId,
                "Mine", null, "support", "lee", LocalDate.of(2026, 6, 30), null, null)));
        fields(() -> as(TestUser.programAdmin()).create(new NewMilestone(initiativeId, "", null, "legal", "x",
                LocalDate.of(2030, 1, 1), null, null)), "ownerDepartment", "title", "due");
    }

    @Test
    void theOwningDepartmentsLeadChecksInAsThemselvesAtTheClocksTime() {
        MilestoneView milestone = supportMilestone();
        MilestoneView after = as(TestUser.leadOf("support")).checkIn(milestone.id(), milestone.version(),
                new NewCheckIn(CheckInStatus.IN_PROGRESS, 40, "chat survey live", List.of("https://bi.example.com/csat")));
        assertEquals(40, after.progress());
        assertEquals(CheckInStatus.IN_PROGRESS, after.reportedStatus());
        assertEquals(1, after.version());

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
    }

    @Test
    void anOverrideNeedsAReasonAndRecordsWhoAndWhen() {
        MilestoneView milestone = supportMilestone();
        CurrentUser lead = TestUser.leadOf("support");
        fields(() -> as(lead).overrideStatus(milestone.id(), 0, MilestoneStatus.ON_TRACK, " "), "reason");

        MilestoneView overridden = as(lead).overrideStatus(milestone.id(), 0, MilestoneStatus.ON_TRACK, "vendor signed");
        assertEquals(new StatusOverride(MilestoneStatus.ON_TRACK, "vendor signed", "lee", NOW), overridden.override());
        assertNull(as(lead).clearOverride(milestone.id(), overridden.version()).override());
    }

    @Test
    void targetsAreLinkedById() {
        MilestoneView milestone = supportMilestone();
        CurrentUser lead = TestUser.leadOf("support");
        MilestoneView linked = as(lead).linkTarget(milestone.id(), 0, targetId);
        assertEquals(List.of(targetId), linked.targetIds());
        fields(() -> as(lead).linkTarget(milestone.id(), linked.version(), 999), "targetId");
        assertEquals(List.of(), as(lead).unlinkTarget(milestone.id(), linked.version(), targetId).targetIds());
    }
}
