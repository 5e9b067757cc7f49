package io.cxtracker.domain.milestone;

import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/**
 * The second pair of eyes: program admins and executives approve or reject what department leads asked
 * to change on their milestones (see {@link MilestoneService#overrideStatus} and
 * {@link MilestoneService#unlinkTarget}). Nobody decides their own request, and a decision is final. A
 * decision names the milestone version the decider saw (as any write to a milestone does): a stale one is
 * refused, so nobody approves a change against a milestone they have not seen. Each decision is one audit
 * record on the milestone, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ApprovalService {
    private static final String ENTITY = "milestone";

    private final ApprovalRequestRepository approvals;
    private final MilestoneRepository milestones;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditRecorder audit;

    /** For the CDI proxy only. */
    protected ApprovalService() {
        this(null, null, null, null, null);
    }

    @Inject
    public ApprovalService(ApprovalRequestRepository approvals, MilestoneRepository milestones, CurrentUser currentUser,
            Clock clock, AuditRecorder audit) {
        this.approvals = approvals;
        this.milestones = milestones;
        this.currentUser = currentUser;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Approves the request: the override or unlink is applied to the milestone now.
     *
     * @param expectedMilestoneVersion the milestone version the approver saw
     * @param reason optional
     */
    public ApprovalRequestView approve(long requestId, long expectedMilestoneVersion, String reason) {
        ApprovalRequest request = decidable(requestId, expectedMilestoneVersion, "approve requests");
        Milestone milestone = request.milestone();
        Map<String, Object> before = MilestoneAudit.fields(milestone);
        ApprovalDecision decision = request.approve(currentUser.name(), reason, clock.instant());
        milestones.store(milestone);
        approvals.store(request);
        audit.record(MilestoneAudit.decided(request, decision, before));
        return ApprovalRequestView.of(request);
    }

    /**
     * Rejects the request with a mandatory reason; the milestone stays as it is.
     *
     * @param expectedMilestoneVersion the milestone version the rejecter saw
     */
    public ApprovalRequestView reject(long requestId, long expectedMilestoneVersion, String reason) {
        ApprovalRequest request = decidable(requestId, expectedMilestoneVersion, "reject requests");
        ApprovalDecision decision = request.reject(currentUser.name(), reason, clock.instant());
        approvals.store(request);
        audit.record(MilestoneAudit.decided(request, decision, Map.of()));
        return ApprovalRequestView.of(request);
    }

    public ApprovalRequestView get(long requestId) {
        requireReader();
        return ApprovalRequestView.of(find(requestId));
    }

    public Page<ApprovalRequestView> list(ApprovalRequestQuery query, PageRequest page) {
        requireReader();
        return approvals.page(query, page).map(ApprovalRequestView::of);
    }

    /** Who decides: program admins and executives. Checked before anything else is looked at but the id. */
    private ApprovalRequest decidable(long requestId, long expectedMilestoneVersion, String action) {
        ApprovalRequest request = find(requestId);
        Authority.requireAnyRole(currentUser, action, Role.PROGRAM_ADMIN, Role.EXECUTIVE);
        // before the version check: a decided request answers 409, not a misleading 412
        request.requireUndecided();
        ConcurrentUpdateException.requireVersion(ENTITY, request.milestone().id(), expectedMilestoneVersion,
                request.milestone().version());
        return request;
    }

    /** Everyone who reads the plan reads its requests: leads, executives, auditors, program admins. */
    private void requireReader() {
        Authority.requireCanReadProgram(currentUser, "approval requests");
    }

    private ApprovalRequest find(long id) {
        return approvals.findById(id).orElseThrow(() -> new NotFoundException("approval request", String.valueOf(id)));
    }
}
