package io.cxtracker.api.audit;

import io.cxtracker.domain.audit.AuditRecord;
import java.time.Instant;
import java.util.Map;

/** An audit record as the API shows it; values map field names to their text (null: no value). */
public record AuditRecordResponse(long seq, Instant at, String actor, String entityType, String entityId,
        String department, String action, Map<String, String> oldValues, Map<String, String> newValues, String requestId,
        String prevHash, String hash) {

    static AuditRecordResponse of(AuditRecord r) {
        return new AuditRecordResponse(r.seq(), r.at(), r.actor(), r.entityType(), r.entityId(), r.department(), r.action(),
                r.oldValues(), r.newValues(), r.requestId(), r.prevHash(), r.hash());
    }
}
