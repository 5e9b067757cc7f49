package io.cxtracker.domain.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * A thing's fields as its audit history says they were at {@code asOf}.
 *
 * @param exists false when the last record up to {@code asOf} deleted it
 * @param fields each field's text, in the order the fields first appeared in the history
 * @param lastSeq the last record that counted
 * @param inconsistencies records whose old values disagree with what the history before them says (a
 *        write that was not audited, or a tampered record); empty when the history is consistent
 */
public record EntityState(String entityType, String entityId, Instant asOf, boolean exists,
        SequencedMap<String, String> fields, long lastSeq, Instant lastChangedAt, String lastChangedBy,
        List<String> inconsistencies) {

    public EntityState {
        fields = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(fields));
        inconsistencies = List.copyOf(inconsistencies);
    }
}
