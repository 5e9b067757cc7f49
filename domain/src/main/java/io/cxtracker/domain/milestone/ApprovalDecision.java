package io.cxtracker.domain.milestone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The one decision on an {@link ApprovalRequest}: approved or rejected, by whom, when and why. Written
 * once beside the request (never into it), so both rows stay as first written; the database refuses a
 * second decision, any change and any removal.
 */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id", nullable = false, updatable = false, unique = true)
    private ApprovalRequest request;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false, length = 20)
    private RequestState outcome;

    @Column(name = "reason", updatable = false, length = Milestone.REASON_MAX_LENGTH)
    private String reason;

    @Column(name = "decided_by", nullable = false, updatable = false, length = CheckIn.AUTHOR_MAX_LENGTH)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected ApprovalDecision() {
        // for JPA
    }

    ApprovalDecision(ApprovalRequest request, RequestState outcome, String reason, String decidedBy, Instant decidedAt) {
        this.request = request;
        this.outcome = outcome;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public RequestState outcome() {
        return outcome;
    }

    /** Null when an approval gave none (a rejection always has one). */
    public String reason() {
        return reason;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
