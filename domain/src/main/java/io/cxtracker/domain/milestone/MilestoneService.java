package io.cxtracker.domain.milestone;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.InitiativeRepository;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Use cases of a milestone: program admins add milestones; the owning department's leads (and program
 * admins) revise them, check in, override the status with a reason and link metric targets. A lead's override
 * or unlink is only a request until a program admin or executive approves it (four eyes, {@link ApprovalService});
 * a program admin's applies at once. Every
 * change names the version the caller saw: a stale one is refused with {@link ConcurrentUpdateException},
 * so concurrent edits never lose an update. Each write ends by appending one audit record in the same
 * transaction (see {@link MilestoneAudit}); a refused write throws before anything is written or recorded.
 */
@ApplicationScoped
@Transactional
public class MilestoneService {
    private static final String ENTITY = "milestone";

    private final MilestoneRepository milestones;
    private final InitiativeRepository initiatives;
    private final DepartmentRepository departments;
    private final TargetRepository targets;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditRecorder audit;
    private final ApprovalRequestRepository approvals;

    /**
     * Tells the alerts that a request waits (synchronously, in this transaction: the alert is stored with the
     * request or not at all). Absent when the service is built by hand (the demo loader, unit tests).
     */
    @Inject
    Event<ApprovalRequested> requests;

    /** For the CDI proxy only. */
    protected MilestoneService() {
        this(null, null, null, null, null, null, null, null);
    }

    @Inject
    public MilestoneService(MilestoneRepository milestones, InitiativeRepository initiatives,
            DepartmentRepository departments, TargetRepository targets, CurrentUser currentUser, Clock clock,
            AuditRecorder audit, ApprovalRequestRepository approvals) {
        this.approvals = approvals;
        this.milestones = milestones;
        this.initiatives = initiatives;
        this.departments = departments;
        this.targets = targets;
        this.currentUser = currentUser;
        this.clock = clock;
        this.audit = audit;
    }

    /** Adds a milestone to an initiative; part of setting up the program. */
    public MilestoneView create(NewMilestone command) {
        Authority.requireProgramAdmin(currentUser, "add milestones");
        Initiative initiative = initiatives.findById(command.initiativeId())
                .orElseThrow(() -> new NotFoundException("initiative", String.valueOf(command.initiativeId())));
        Violations violations = new Violations();
        Department owner = department("ownerDepartment", command.ownerDepartment(), violations);
        Milestone milestone = violations.capture(() -> new Milestone(initiative, command.title(), command.description(),
                owner, command.ownerPerson(), command.due(), command.evidence(), command.weight()));
        violations.throwIfAny();
        milestones.add(milestone);
        audit.record(MilestoneAudit.entry(milestone, AuditEntry.CREATE).created(MilestoneAudit.fields(milestone)));
        return MilestoneView.of(milestone);
    }

    /** Replaces the milestone's plan. Moving it to another department needs write access to both. */
    public MilestoneView update(long id, long expectedVersion, MilestoneRevision revision) {
        Milestone milestone = writable(id, expectedVersion, "revise milestones");
        Map<String, Object> before = MilestoneAudit.fields(milestone);
        Violations violations = new Violations();
        Department owner = department("ownerDepartment", revision.ownerDepartment(), violations);
        if (owner != null && !owner.code().equals(milestone.ownerDepartment().code())) {
            Authority.requireCanWriteFor(currentUser, owner.code(), "hand milestones over to departments");
        }
        violations.capture(() -> {
            milestone.revise(revision.title(), revision.description(), owner, revision.ownerPerson(), revision.due(),
                    revision.evidence(), revision.weight());
            return milestone;
        });
        violations.throwIfAny();
        return stored(milestone, before, AuditEntry.UPDATE);
    }

    public MilestoneView checkIn(long id, long expectedVersion, NewCheckIn command) {
        Milestone milestone = writable(id, expectedVersion, "check in on milestones");
        Map<String, Object> before = MilestoneAudit.fields(milestone);
        CheckIn checkIn = milestone.checkIn(command.status(), command.progress(), command.comment(), command.evidence(),
                currentUser.name(), clock.instant());
        milestones.store(milestone);
        // the check-in's own text is set every time (null clears it), so the folded state shows the latest one
        audit.record(MilestoneAudit.entry(milestone, MilestoneAudit.CHECK_IN)
                .changes(before, MilestoneAudit.fields(milestone))
                .set("checkIn.comment", checkIn.comment())
                .set("checkIn.evidence", checkIn.evidence().isEmpty() ? null : String.join(" ", checkIn.evidence()))
                .set("checkIn.at", checkIn.at()));
        return MilestoneView.of(milestone);
    }

    /**
     * Sets the status by hand; the reason is mandatory. A program admin's override applies at once; a
     * department lead's is a request that a program admin or executive must approve (four eyes), and until
     * then the milestone, its derived status included, stays as it is.
     */
    public ChangeOutcome overrideStatus(long id, long expectedVersion, MilestoneStatus status, String reason) {
        Milestone milestone = writable(id, expectedVersion, "override milestone statuses");
        if (currentUser.has(Role.PROGRAM_ADMIN)) {
            Map<String, Object> before = MilestoneAudit.fields(milestone);
            milestone.overrideStatus(status, reason, currentUser.name(), clock.instant());
            return ChangeOutcome.applied(stored(milestone, before, MilestoneAudit.OVERRIDE_STATUS));
        }
        ApprovalRequest request = ApprovalRequest.overrideStatus(milestone, status, reason, currentUser.name(), clock.instant());
        return ChangeOutcome.requested(requested(request, null));
    }

    public MilestoneView clearOverride(long id, long expectedVersion) {
        Milestone milestone = writable(id, expectedVersion, "clear milestone status overrides");
        Map<String, Object> before = MilestoneAudit.fields(milestone);
        milestone.clearOverride();
        return stored(milestone, before, MilestoneAudit.CLEAR_OVERRIDE);
    }

    /** Lets a metric target decide the milestone's status. */
    public MilestoneView linkTarget(long id, long expectedVersion, long targetId) {
        Milestone milestone = writable(id, expectedVersion, "link targets to milestones");
        Target target = target(targetId);
        Map<String, Object> before = MilestoneAudit.fields(milestone);
        milestone.linkTarget(target);
        return stored(milestone, before, MilestoneAudit.LINK_TARGET);
    }

    /**
     * Stops a target from deciding the milestone's status. Like an override: a program admin's unlink applies at
     * once (unlinking a target that is not linked changes nothing); a department lead's is a request for approval,
     * and the link stands until it is approved.
     *
     * @param reason optional; kept with a lead's request
     */
    public ChangeOutcome unlinkTarget(long id, long expectedVersion, long targetId, String reason) {
        Milestone milestone = writable(id, expectedVersion, "unlink targets from milestones");
        Target target = target(targetId);
        if (currentUser.has(Role.PROGRAM_ADMIN)) {
            Map<String, Object> before = MilestoneAudit.fields(milestone);
            milestone.unlinkTarget(target);
            return ChangeOutcome.applied(stored(milestone, before, MilestoneAudit.UNLINK_TARGET));
        }
        ApprovalRequest request = ApprovalRequest.unlinkTarget(milestone, target, reason, currentUser.name(), clock.instant());
        return ChangeOutcome.requested(requested(request, targetId));
    }

    /** Files a lead's request, unless the same change already waits for a decision. */
    private ApprovalRequestView requested(ApprovalRequest request, Long targetId) {
        approvals.pendingOf(List.of(request.milestone().id())).stream()
                .filter(p -> p.sameChangeAs(request.change(), targetId))
                .findFirst()
                .ifPresent(p -> {
                    throw new RequestConflictException("request " + p.id() + " by " + p.requestedBy()
                            + " already asks for this change and waits for approval; nothing was written");
                });
        approvals.add(request);
        audit.record(MilestoneAudit.requested(request));
        if (requests != null) {
            requests.fire(new ApprovalRequested(request.id(), request.milestone().id(), request.milestone().title(),
                    describe(request), request.requestedBy()));
        }
        return ApprovalRequestView.of(request);
    }

    private static String describe(ApprovalRequest request) {
        return request.change() == RequestedChange.OVERRIDE_STATUS
                ? "override the status to " + request.requestedStatus().map(Enum::name).orElse("?")
                : "unlink target " + request.target().map(t -> t.metric().key().value() + " #" + t.id()).orElse("?");
    }

    public MilestoneView get(long id) {
        Authority.requireCanReadProgram(currentUser, "milestones");
        return MilestoneView.of(find(id));
    }

    /** The check-ins, oldest first. */
    public List<CheckInView> checkIns(long id) {
        Authority.requireCanReadProgram(currentUser, "check-ins");
        return find(id).checkIns().stream().map(CheckInView::of).toList();
    }

    /**
     * The check-ins made by {@code asOf}, oldest first: check-ins are append-only, so those made by then are
     * exactly what the system knew of the milestone's reports then.
     */
    public List<CheckInView> checkIns(long id, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "check-ins");
        asOf.requireKnowable(clock);
        return find(id).checkIns().stream().map(CheckInView::of).filter(c -> asOf.knows(c.at())).toList();
    }

    public List<MilestoneView> listByInitiative(long initiativeId) {
        Authority.requireCanReadProgram(currentUser, "milestones");
        return milestones.listByInitiative(initiativeId).stream().map(MilestoneView::of).toList();
    }

    private Milestone writable(long id, long expectedVersion, String action) {
        Milestone milestone = find(id);
        Authority.requireCanWriteFor(currentUser, milestone.ownerDepartment().code(), action);
        ConcurrentUpdateException.requireVersion(ENTITY, id, expectedVersion, milestone.version());
        return milestone;
    }

    /** Writes the milestone and records the write: the fields that changed since {@code before}. */
    private MilestoneView stored(Milestone milestone, Map<String, Object> before, String action) {
        milestones.store(milestone);
        audit.record(MilestoneAudit.entry(milestone, action).changes(before, MilestoneAudit.fields(milestone)));
        return MilestoneView.of(milestone);
    }

    private Milestone find(long id) {
        return milestones.findById(id).orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    private Target target(long targetId) {
        return targets.findById(targetId)
                .orElseThrow(() -> new InvalidInputException("targetId", "no target has the id " + targetId));
    }

    private Department department(String field, String code, Violations violations) {
        return departments.existing(field, code, violations);
    }
}
