package io.cxtracker.api.audit;

import io.cxtracker.domain.audit.AuditRecord;
import java.time.Instant;
import java.util.Map;

/**
 * An audit record as the API shows it; values map field names to their text (null: no value). A record
 * is shown as soon as its write commits; {@code sealed} turns true within seconds, when the sealer has
 * linked it into the hash chain at {@code chainSeq} (until then chainSeq, prevHash and hash are null).
 */
public record AuditRecordResponse(long seq, Instant at, String actor, String entityType, String entityId,
        String department, String action, Map<String, String> oldValues, Map<String, String> newValues, String requestId,
        boolean sealed, Long chainSeq, String prevHash, String hash) {

    static AuditRecordResponse of(AuditRecord r) {
        return new AuditRecordResponse(r.seq(), r.at(), r.actor(), r.entityType(), r.entityId(), r.department(), r.action(),
                r.oldValues(), r.newValues(), r.requestId(), r.isSealed(), r.chainSeq(), r.prevHash(), r.hash());
    }
}
