package io.cxtracker.domain.milestone;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.targets.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the audit trail records of a milestone: a snapshot of its fields as text-able values, taken
 * before and after a write, so that a record holds exactly the fields that changed and the milestone's
 * state as of any instant can be folded back from its records ({@link io.cxtracker.domain.audit.StateAsOf}).
 * Every write to a milestone is recorded on the entity {@code milestone} with its id, check-ins included.
 */
final class MilestoneAudit {
    static final String ENTITY = "milestone";
    static final String CHECK_IN = "check-in";
    static final String OVERRIDE_STATUS = "override-status";
    static final String CLEAR_OVERRIDE = "clear-override";
    static final String LINK_TARGET = "link-target";
    static final String UNLINK_TARGET = "unlink-target";
    static final String REQUEST_OVERRIDE = "request-override";
    static final String REQUEST_UNLINK = "request-unlink";
    static final String APPROVE_REQUEST = "approve-request";
    static final String REJECT_REQUEST = "reject-request";

    private MilestoneAudit() {
    }

    static Map<String, Object> fields(Milestone m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("initiative", m.initiative().id());
        fields.put("title", m.title());
        fields.put("description", m.description());
        fields.put("ownerDepartment", m.ownerDepartment().code().value());
        fields.put("ownerPerson", m.ownerPerson());
        fields.put("due", m.due());
        fields.put("evidence", m.evidence().isEmpty() ? null : String.join(" ", m.evidence()));
        fields.put("weight", m.weight().orElse(null));
        fields.put("progress", m.progress());
        fields.put("status", m.reportedStatus().orElse(null));
        fields.put("checkIns", m.checkInCount());
        fields.put("overrideStatus", m.override().map(StatusOverride::status).orElse(null));
        fields.put("overrideReason", m.override().map(StatusOverride::reason).orElse(null));
        fields.put("targets", m.targets().isEmpty() ? null
                : String.join(",", m.targets().stream().map(Target::id).sorted().map(String::valueOf).toList()));
        return fields;
    }

    /**
     * A lead's request for approval, on the milestone's own history (the milestone itself is unchanged): what
     * is asked, by whom (the record's actor) and why.
     */
    static AuditEntry.Builder requested(ApprovalRequest r) {
        AuditEntry.Builder entry = entry(r.milestone(),
                r.change() == RequestedChange.OVERRIDE_STATUS ? REQUEST_OVERRIDE : REQUEST_UNLINK)
                .set("request.id", r.id())
                .set("request.state", RequestState.PENDING);
        r.requestedStatus().ifPresent(s -> entry.set("request.status", s));
        r.target().ifPresent(t -> entry.set("request.target", t.id()));
        return entry.set("request.reason", r.reason().orElse(null));
    }

    /**
     * The decision on a request: for an approval, the milestone's fields that changed with it; the request's
     * id, requester and new state; the decider (the record's actor) and their reason.
     */
    static AuditEntry.Builder decided(ApprovalRequest r, ApprovalDecision d, Map<String, Object> before) {
        boolean approved = d.outcome() == RequestState.APPROVED;
        AuditEntry.Builder entry = entry(r.milestone(), approved ? APPROVE_REQUEST : REJECT_REQUEST);
        if (approved) {
            entry.changes(before, fields(r.milestone()));
        }
        return entry.set("request.id", r.id())
                .set("request.requestedBy", r.requestedBy())
                .set("request.state", d.outcome())
                .set("request.decisionReason", d.reason());
    }

    /** An entry about the milestone, filed under its owner department (after the write). */
    static AuditEntry.Builder entry(Milestone m, String action) {
        return AuditEntry.of(ENTITY, m.id(), action).department(m.ownerDepartment().code().value());
    }
}
