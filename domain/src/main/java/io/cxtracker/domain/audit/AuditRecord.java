package io.cxtracker.domain.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * A stored audit record: the entry plus what the database added — its number ({@code seq}, in the order
 * records were appended) and the time it was appended — and, once the sealer has linked it into the
 * hash chain, its place there ({@code chainSeq}), the hash of the link before it and its own hash. A
 * record is written unsealed in the writer's transaction and sealed within seconds after it commits;
 * until then the chain fields are null. Values read back are ordered by field name.
 */
public record AuditRecord(long seq, Instant at, String actor, String entityType, String entityId, String department,
        String action, SequencedMap<String, String> oldValues, SequencedMap<String, String> newValues, String requestId,
        String prevHash, String hash, Long chainSeq) {

    public AuditRecord {
        oldValues = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(oldValues));
        newValues = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(newValues));
    }

    /** A record whose place in the chain is its own number (as records sealed by the first scheme were), or an unsealed one when hash is null. */
    public AuditRecord(long seq, Instant at, String actor, String entityType, String entityId, String department,
            String action, SequencedMap<String, String> oldValues, SequencedMap<String, String> newValues, String requestId,
            String prevHash, String hash) {
        this(seq, at, actor, entityType, entityId, department, action, oldValues, newValues, requestId, prevHash, hash,
                hash == null ? null : seq);
    }

    /** True until the sealer has linked the record into the hash chain. */
    public boolean isSealed() {
        return chainSeq != null;
    }

    public boolean isAbout(String type, String id) {
        return entityType.equals(type) && entityId.equals(id);
    }
}
