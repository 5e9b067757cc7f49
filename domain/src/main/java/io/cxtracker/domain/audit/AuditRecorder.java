package io.cxtracker.domain.audit;

import io.cxtracker.domain.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

/**
 * What use-case services call after each write: fills in who (the current user) and the request id,
 * and appends the entry to the {@link AuditTrail} in the service's transaction.
 *
 * <pre>
 * audit.record(AuditEntry.of("milestone", milestone.id(), "check-in")
 *         .department(milestone.ownerDepartment().code())
 *         .change("status", before.status(), milestone.status())
 *         .change("progress", before.progress(), milestone.progress()));
 * </pre>
 */
@ApplicationScoped
public class AuditRecorder {
    private final AuditTrail trail;
    private final CurrentUser currentUser;
    private final RequestCorrelation correlation;

    /** For the CDI proxy only. */
    protected AuditRecorder() {
        this(null, null, null);
    }

    @Inject
    public AuditRecorder(AuditTrail trail, CurrentUser currentUser, RequestCorrelation correlation) {
        this.trail = trail;
        this.currentUser = currentUser;
        this.correlation = correlation;
    }

    /** Records the write; an {@code update} that changed no field is not recorded (returns null). */
    public AuditRecord record(AuditEntry.Builder entry) {
        if (!entry.hasChanges() && AuditEntry.UPDATE.equals(entry.action())) {
            return null;
        }
        if (entry.actor() == null) {
            entry.by(currentUser.name());
        }
        if (entry.requestId() == null) {
            entry.requestId(requestId());
        }
        return trail.record(entry.build());
    }

    private String requestId() {
        try {
            return correlation.id();
        } catch (ContextNotActiveException e) {
            // a scheduled job or another thread: no request to correlate with
            return RequestCorrelation.newId();
        }
    }
}
