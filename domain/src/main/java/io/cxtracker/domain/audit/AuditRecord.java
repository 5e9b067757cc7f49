package io.cxtracker.domain.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * A stored audit record: the entry plus what the database added — its place in the chain ({@code seq}),
 * the time it was appended, the hash of the record before it and its own hash. Values read back are
 * ordered by field name.
 */
public record AuditRecord(long seq, Instant at, String actor, String entityType, String entityId, String department,
        String action, SequencedMap<String, String> oldValues, SequencedMap<String, String> newValues, String requestId,
        String prevHash, String hash) {

    public AuditRecord {
        oldValues = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(oldValues));
        newValues = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(newValues));
    }

    public boolean isAbout(String type, String id) {
        return entityType.equals(type) && entityId.equals(id);
    }
}
