package io.cxtracker.domain.milestone;

import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.targets.Target;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Four eyes on overriding the data: a department lead's status override of their own milestone, or
 * unlinking a target from it, is recorded as a request that a second person (a program admin or an
 * executive, never the requester) approves or rejects. Until approved the milestone is untouched: its
 * derived status and its links stand. Approval applies the change exactly as a direct override or unlink
 * would; rejection records why. A request is written once and decided once — the decision is a row of its
 * own ({@link ApprovalDecision}), so nothing here is ever edited.
 */
@Entity
@Table(name = "approval_request")
public class ApprovalRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "milestone_id", nullable = false, updatable = false)
    private Milestone milestone;

    @Enumerated(EnumType.STRING)
    @Column(name = "change", nullable = false, updatable = false, length = 20)
    private RequestedChange change;

    /** The status asked for; only for {@link RequestedChange#OVERRIDE_STATUS}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "requested_status", updatable = false, length = 20)
    private MilestoneStatus requestedStatus;

    /** The target to unlink; only for {@link RequestedChange#UNLINK_TARGET}. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_id", updatable = false)
    private Target target;

    /** Mandatory for an override (it becomes the override's reason); optional for an unlink. */
    @Column(name = "reason", updatable = false, length = Milestone.REASON_MAX_LENGTH)
    private String reason;

    @Column(name = "requested_by", nullable = false, updatable = false, length = CheckIn.AUTHOR_MAX_LENGTH)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    /** The milestone's version the requester saw, for the record. */
    @Column(name = "milestone_version", nullable = false, updatable = false)
    private long milestoneVersion;

    @OneToOne(mappedBy = "request", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    private ApprovalDecision decision;

    protected ApprovalRequest() {
        // for JPA
    }

    private ApprovalRequest(Milestone milestone, RequestedChange change, MilestoneStatus status, Target target,
            String reason, String by, Instant at) {
        this.milestone = milestone;
        this.change = change;
        this.requestedStatus = status;
        this.target = target;
        this.reason = reason;
        this.requestedBy = by;
        this.requestedAt = at;
        this.milestoneVersion = milestone.version();
    }

    /**
     * Asks for the milestone's status to be set by hand; the reason is mandatory, as for a direct override.
     *
     * @throws InvalidInputException on {@code status} or {@code reason}
     */
    public static ApprovalRequest overrideStatus(Milestone milestone, MilestoneStatus status, String reason, String by,
            Instant at) {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(at, "at");
        String requester = user(by, "a request");
        Violations violations = new Violations();
        violations.required("status", status);
        String checkedReason = violations.requiredText("reason", reason, Milestone.REASON_MAX_LENGTH);
        violations.throwIfAny();
        return new ApprovalRequest(milestone, RequestedChange.OVERRIDE_STATUS, status, null, checkedReason, requester, at);
    }

    /**
     * Asks for a linked target to stop deciding the milestone's status; the reason is optional.
     *
     * @throws InvalidInputException on {@code targetId} when the target is not linked, or on {@code reason}
     */
    public static ApprovalRequest unlinkTarget(Milestone milestone, Target target, String reason, String by, Instant at) {
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
        String requester = user(by, "a request");
        Violations violations = new Violations();
        violations.check(milestone.isLinkedTo(target), "targetId", "target " + target.id() + " is not linked to this milestone");
        String checkedReason = violations.optionalText("reason", reason, Milestone.REASON_MAX_LENGTH);
        violations.throwIfAny();
        return new ApprovalRequest(milestone, RequestedChange.UNLINK_TARGET, null, target, checkedReason, requester, at);
    }

    /**
     * A second person lets the change happen: it is applied to the milestone now, as a direct override
     * (in the requester's name, with their reason) or unlink would be.
     *
     * @param reason optional
     * @throws RequestConflictException when the request was decided already
     * @throws AccessDeniedException when the approver is the requester
     * @throws InvalidInputException on {@code reason}
     */
    public ApprovalDecision approve(String by, String reason, Instant at) {
        String approver = decidable(by, at, "approve");
        Violations violations = new Violations();
        String checkedReason = violations.optionalText("reason", reason, Milestone.REASON_MAX_LENGTH);
        violations.throwIfAny();
        switch (change) {
            case OVERRIDE_STATUS -> milestone.overrideStatus(requestedStatus, this.reason, requestedBy, at);
            case UNLINK_TARGET -> milestone.unlinkTarget(target);
        }
        decision = new ApprovalDecision(this, RequestState.APPROVED, checkedReason, approver, at);
        return decision;
    }

    /**
     * A second person refuses the change, saying why; the milestone stays as it is.
     *
     * @throws RequestConflictException when the request was decided already
     * @throws AccessDeniedException when the rejecter is the requester
     * @throws InvalidInputException on {@code reason}, which is mandatory
     */
    public ApprovalDecision reject(String by, String reason, Instant at) {
        String rejecter = decidable(by, at, "reject");
        Violations violations = new Violations();
        String checkedReason = violations.requiredText("reason", reason, Milestone.REASON_MAX_LENGTH);
        violations.throwIfAny();
        decision = new ApprovalDecision(this, RequestState.REJECTED, checkedReason, rejecter, at);
        return decision;
    }

    private String decidable(String by, Instant at, String verb) {
        String decider = user(by, "a decision");
        Objects.requireNonNull(at, "at");
        requireUndecided();
        if (isRequestedBy(decider)) {
            throw new AccessDeniedException(decider + " may not " + verb + " their own request: four eyes need a second person");
        }
        return decider;
    }

    /**
     * @throws RequestConflictException when the request was decided already: a decision is final
     */
    public void requireUndecided() {
        if (decision != null) {
            throw new RequestConflictException("request " + id + " was " + decision.outcome().name().toLowerCase()
                    + " by " + decision.decidedBy() + " at " + decision.decidedAt() + "; a decision is final");
        }
    }

    /** True when {@code user} made this request (user names compare without case, as Keycloak keeps them). */
    public boolean isRequestedBy(String user) {
        return user != null && requestedBy.equalsIgnoreCase(user.strip());
    }

    private static String user(String user, String what) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException(what + " needs the signed-in user");
        }
        return user.strip();
    }

    public RequestState state() {
        return decision == null ? RequestState.PENDING : decision.outcome();
    }

    /** Whether this request asks for the same change as {@code other} would (same milestone, kind and target). */
    boolean sameChangeAs(RequestedChange otherChange, Long targetId) {
        return change == otherChange && (change != RequestedChange.UNLINK_TARGET || Objects.equals(target.id(), targetId));
    }

    public Long id() {
        return id;
    }

    public Milestone milestone() {
        return milestone;
    }

    public RequestedChange change() {
        return change;
    }

    public Optional<MilestoneStatus> requestedStatus() {
        return Optional.ofNullable(requestedStatus);
    }

    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public long milestoneVersion() {
        return milestoneVersion;
    }

    public Optional<ApprovalDecision> decision() {
        return Optional.ofNullable(decision);
    }
}
