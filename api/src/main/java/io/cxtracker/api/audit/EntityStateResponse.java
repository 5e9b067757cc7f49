package io.cxtracker.api.audit;

import io.cxtracker.domain.audit.EntityState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A thing's fields as of an instant, reconstructed from its audit history. */
public record EntityStateResponse(String entityType, String entityId, Instant asOf, boolean exists, Map<String, String> fields,
        long lastSeq, Instant lastChangedAt, String lastChangedBy, List<String> inconsistencies) {

    static EntityStateResponse of(EntityState s) {
        return new EntityStateResponse(s.entityType(), s.entityId(), s.asOf(), s.exists(), s.fields(), s.lastSeq(),
                s.lastChangedAt(), s.lastChangedBy(), s.inconsistencies());
    }
}
