package io.cxtracker.domain.milestone;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.PageRequest;
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
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Four eyes: who may request, who may decide, and that nothing changes until a second person approves. */
class ApprovalServiceTest {
    private static final Instant NOW = Instant.parse("2026-04-01T10:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TestUser LEAD = TestUser.leadOf("support");
    private static final TestUser ADMIN = TestUser.programAdmin();
    private static final TestUser EXEC = TestUser.executive();
    private static final TestUser AUDITOR = new TestUser("aude", Set.of(Role.AUDITOR), Set.of());
    /** A lead who is also an executive: may decide others' requests, never their own. */
    private static final TestUser LEAD_AND_EXEC = new TestUser("lee", Set.of(Role.DEPARTMENT_LEAD, Role.EXECUTIVE),
            Set.of(new DepartmentCode("support")));

    private InMemory store;
    private InMemoryAuditTrail audit;
    private long milestoneId;
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
        Metric csat = new Metric(new MetricKey("csat"), "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support,
                ReportingFrequency.DAILY);
        store.metrics.add(csat);
        Target target = new Target(csat, null, 70.0, 80.0, LocalDate.of(2026, 6, 30), null, null);
        store.targets.add(target);
        targetId = target.id();
        // due in the future, no check-in, no reading: the derived status is NOT_STARTED, then (linked) from the target
        milestoneId = milestones(ADMIN).create(new NewMilestone(initiative.id(), "CSAT survey live", null, "support", "alice",
                LocalDate.of(2026, 6, 30), null, null)).id();
    }

    private MilestoneService milestones(CurrentUser user) {
        return new MilestoneService(store.milestones, store.initiatives, store.departments, store.targets, user, CLOCK,
                audit.recorder(user), store.approvals);
    }

    private ApprovalService approvals(CurrentUser user) {
        return new ApprovalService(store.approvals, store.milestones, user, CLOCK, audit.recorder(user));
    }

    private ProgressService progress() {
        return new ProgressService(store.progress, store.programs, store.milestones, store.targets, store.series, CLOCK,
                store.approvals, io.cxtracker.domain.security.TestUsers.executive());
    }

    private long version() {
        return store.milestones.findById(milestoneId).orElseThrow().version();
    }

    private ApprovalRequestView leadRequestsAtRisk() {
        ChangeOutcome outcome = milestones(LEAD).overrideStatus(milestoneId, version(), MilestoneStatus.AT_RISK,
                "vendor slipped two weeks");
        assertTrue(outcome.isRequested());
        return outcome.requested();
    }

    @Test
    void aLeadsOverrideIsARequestAndTheDerivedStatusStandsUntilApproval() {
        ApprovalRequestView request = leadRequestsAtRisk();

        assertEquals(RequestState.PENDING, request.state());
        assertEquals(List.of(request.milestoneId(), 0L, 0L), List.of(milestoneId, request.milestoneVersionSeen(), version()),
                "the milestone is not touched: same version");
        assertEquals("lee", request.requestedBy());
        assertEquals(NOW, request.requestedAt());
        MilestoneStatusView shown = progress().milestoneStatus(milestoneId);
        assertEquals(MilestoneStatus.NOT_STARTED, shown.status(), "the evidence still decides");
        assertNull(shown.override());
        assertTrue(shown.overrideRequested());
        assertEquals(MilestoneStatus.AT_RISK, shown.pending().getFirst().requestedStatus());

        AuditEntry recorded = audit.last(2);
        assertEquals(List.of("milestone", String.valueOf(milestoneId), "request-override", "lee", "support"),
                List.of(recorded.entityType(), recorded.entityId(), recorded.action(), recorded.actor(), recorded.department()));
        assertEquals(Map.of("request.id", String.valueOf(request.id()), "request.state", "PENDING",
                "request.status", "AT_RISK", "request.reason", "vendor slipped two weeks"), recorded.newValues());
    }

    @Test
    void anExecutivesApprovalAppliesTheOverrideInTheRequestersNameWithOneAuditRecord() {
        ApprovalRequestView request = leadRequestsAtRisk();

        ApprovalRequestView approved = approvals(EXEC).approve(request.id(), 0, "confirmed with the vendor");

        assertEquals(RequestState.APPROVED, approved.state());
        assertEquals(List.of("erin", "confirmed with the vendor"), List.of(approved.decidedBy(), approved.decisionReason()));
        assertEquals(1, approved.milestoneVersion(), "applying bumps the milestone's version (its ETag)");
        MilestoneStatusView shown = progress().milestoneStatus(milestoneId);
        assertEquals(MilestoneStatus.AT_RISK, shown.status());
        assertEquals(MilestoneStatus.NOT_STARTED, shown.derived());
        assertEquals(new StatusOverride(MilestoneStatus.AT_RISK, "vendor slipped two weeks", "lee", NOW), shown.override());
        assertEquals(List.of(), shown.pending());

        assertEquals(3, audit.size(), "create, request, approval: one record each");
        AuditEntry decided = audit.last(3);
        assertEquals(List.of("approve-request", "erin"), List.of(decided.action(), decided.actor()));
        assertEquals("AT_RISK", decided.newValues().get("overrideStatus"));
        assertEquals("vendor slipped two weeks", decided.newValues().get("overrideReason"));
        assertEquals("APPROVED", decided.newValues().get("request.state"));
        assertEquals("lee", decided.newValues().get("request.requestedBy"));
    }

    @Test
    void nobodyDecidesTheirOwnRequestAndOnlyAdminsAndExecutivesDecide() {
        ApprovalRequestView request = leadRequestsAtRisk();
        assertThrows(AccessDeniedException.class, () -> approvals(LEAD_AND_EXEC).approve(request.id(), 0, null));
        assertThrows(AccessDeniedException.class, () -> approvals(LEAD_AND_EXEC).reject(request.id(), 0, "no"));
        assertThrows(AccessDeniedException.class, () -> approvals(LEAD).approve(request.id(), 0, null));
        assertThrows(AccessDeniedException.class, () -> approvals(AUDITOR).approve(request.id(), 0, null));
        assertThrows(AccessDeniedException.class, () -> approvals(TestUser.leadOf("billing")).reject(request.id(), 0, "no"));
        assertEquals(RequestState.PENDING, approvals(AUDITOR).get(request.id()).state(), "auditors read requests");
        assertThrows(AccessDeniedException.class, () -> approvals(TestUser.surveyTool()).get(request.id()));
        assertEquals(2, audit.size(), "refused decisions leave no record");
        assertEquals(MilestoneStatus.NOT_STARTED, progress().milestoneStatus(milestoneId).status());
    }

    @Test
    void aDecisionIsFinalAndARejectionNeedsAReasonAndChangesNothing() {
        ApprovalRequestView request = leadRequestsAtRisk();
        fields(() -> approvals(ADMIN).reject(request.id(), 0, "  "), "reason");

        ApprovalRequestView rejected = approvals(ADMIN).reject(request.id(), 0, "the survey data says otherwise");

        assertEquals(RequestState.REJECTED, rejected.state());
        assertEquals(0, version(), "a rejection leaves the milestone as it was");
        assertEquals(MilestoneStatus.NOT_STARTED, progress().milestoneStatus(milestoneId).status());
        assertEquals(List.of(), progress().milestoneStatus(milestoneId).pending());
        assertThrows(RequestConflictException.class, () -> approvals(EXEC).approve(request.id(), 0, null));
        assertThrows(RequestConflictException.class, () -> approvals(EXEC).reject(request.id(), 0, "again"));
        AuditEntry decided = audit.last(3);
        assertEquals(List.of("reject-request", "ada"), List.of(decided.action(), decided.actor()));
        assertEquals(Map.of("request.id", String.valueOf(request.id()), "request.requestedBy", "lee",
                "request.state", "REJECTED", "request.decisionReason", "the survey data says otherwise"), decided.newValues());
        assertEquals(3, audit.size());
    }

    @Test
    void aDeciderNamesTheMilestoneVersionTheySaw() {
        ApprovalRequestView request = leadRequestsAtRisk();
        milestones(LEAD).checkIn(milestoneId, 0, new NewCheckIn(CheckInStatus.IN_PROGRESS, 10, null, null));
        ConcurrentUpdateException stale = assertThrows(ConcurrentUpdateException.class,
                () -> approvals(ADMIN).approve(request.id(), 0, null));
        assertEquals(1, stale.actualVersion());
        assertEquals(RequestState.APPROVED, approvals(ADMIN).approve(request.id(), 1, null).state());
        assertEquals(2, version());
    }

    @Test
    void aLeadsUnlinkIsARequestTheLinkStandsUntilApproval() {
        MilestoneView linked = milestones(LEAD).linkTarget(milestoneId, 0, targetId);
        fields(() -> milestones(LEAD).unlinkTarget(milestoneId, linked.version(), 999, null), "targetId");

        ChangeOutcome outcome = milestones(LEAD).unlinkTarget(milestoneId, linked.version(), targetId, "metric retired");

        assertTrue(outcome.isRequested());
        assertEquals(List.of(RequestedChange.UNLINK_TARGET, targetId), List.of(outcome.requested().change(),
                outcome.requested().targetId()));
        assertEquals(List.of(targetId), store.milestones.findById(milestoneId).orElseThrow().targets().stream().map(Target::id).toList());
        MilestoneStatusView shown = progress().milestoneStatus(milestoneId);
        assertTrue(shown.unlinkRequested());
        assertEquals(1, shown.targets().size());
        assertThrows(RequestConflictException.class,
                () -> milestones(LEAD).unlinkTarget(milestoneId, linked.version(), targetId, "again"),
                "the same change cannot wait twice");

        approvals(ADMIN).approve(outcome.requested().id(), linked.version(), null);

        assertEquals(List.of(), store.milestones.findById(milestoneId).orElseThrow().targets());
        AuditEntry decided = audit.last(4);
        assertEquals("approve-request", decided.action());
        assertEquals(String.valueOf(targetId), decided.oldValues().get("targets"));
        assertNull(decided.newValues().get("targets"));
    }

    @Test
    void aLeadMayNotRequestOnAnotherDepartmentsMilestoneNorUnlinkWhatIsNotLinked() {
        assertThrows(AccessDeniedException.class, () -> milestones(TestUser.leadOf("billing"))
                .overrideStatus(milestoneId, 0, MilestoneStatus.DONE, "because"));
        assertThrows(AccessDeniedException.class, () -> milestones(EXEC)
                .overrideStatus(milestoneId, 0, MilestoneStatus.DONE, "because"));
        fields(() -> milestones(LEAD).unlinkTarget(milestoneId, 0, targetId, null), "targetId");
        fields(() -> milestones(LEAD).overrideStatus(milestoneId, 0, null, " "), "status", "reason");
        assertThrows(ConcurrentUpdateException.class, () -> milestones(LEAD)
                .overrideStatus(milestoneId, 7, MilestoneStatus.DONE, "because"));
        assertEquals(List.of(), store.approvalRows);
        assertEquals(1, audit.size());
    }

    @Test
    void theListShowsPendingRequestsByDepartment() {
        ApprovalRequestView request = leadRequestsAtRisk();
        var pending = approvals(EXEC).list(new ApprovalRequestQuery(RequestState.PENDING, new DepartmentCode("support"), null),
                PageRequest.first(10));
        assertEquals(List.of(request.id()), pending.items().stream().map(ApprovalRequestView::id).toList());
        assertEquals(0, approvals(EXEC).list(new ApprovalRequestQuery(RequestState.PENDING, new DepartmentCode("billing"), null),
                PageRequest.first(10)).total());
        approvals(EXEC).approve(request.id(), 0, null);
        assertEquals(0, approvals(EXEC).list(ApprovalRequestQuery.pending(), PageRequest.first(10)).total());
        assertEquals(1, approvals(EXEC).list(new ApprovalRequestQuery(RequestState.APPROVED, null, null),
                PageRequest.first(10)).total());
    }
}
