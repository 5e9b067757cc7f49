package io.cxtracker.domain.report;

import io.cxtracker.domain.audit.AuditRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One audit record as the report shows it: who, when, what, and each field's old → new text. */
public record ChangeLine(long seq, Instant at, String actor, String entityType, String entityId, String action,
        List<FieldChange> changes, String requestId) implements ReportLine {

    /** One field of a change; either side may be null. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    public ChangeLine {
        changes = List.copyOf(changes);
    }

    /** The fields in the record's order: those with an old value first, then those only set. */
    public static ChangeLine of(AuditRecord record) {
        List<FieldChange> changes = new ArrayList<>();
        record.oldValues().forEach((field, old) -> changes.add(new FieldChange(field, old, record.newValues().get(field))));
        record.newValues().forEach((field, now) -> {
            if (!record.oldValues().containsKey(field)) {
                changes.add(new FieldChange(field, null, now));
            }
        });
        return new ChangeLine(record.seq(), record.at(), record.actor(), record.entityType(), record.entityId(),
                record.action(), changes, record.requestId());
    }

    @Override
    public ReportSection section() {
        return ReportSection.CHANGES;
    }

    /** One row per changed field; one row with empty field cells when the record names none. */
    @Override
    public List<List<Object>> rows() {
        if (changes.isEmpty()) {
            return List.of(Arrays.asList(seq, at, actor, entityType, entityId, action, null, null, null, requestId));
        }
        return changes.stream()
                .map(c -> Arrays.<Object>asList(seq, at, actor, entityType, entityId, action, c.field(), c.oldValue(),
                        c.newValue(), requestId))
                .toList();
    }
}
