package io.cxtracker.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reconstructs a thing's fields as of an instant by folding its audit records, oldest first: each
 * record's new values replace the fields it names (a null new value, or a field only in the old
 * values, removes the field); a {@code delete} empties the thing, a later {@code create} starts it
 * again. Records after the instant are ignored. It works for any entity type and streams: feed it the
 * records one by one and ask for the {@link #result()}.
 *
 * <p>It also checks the history against itself: a record's old value must be what the records before
 * it left in that field. When the history starts with a {@code create}, every field is checked; when
 * it starts in the middle of the thing's life (records older than the audit trail), only fields the
 * history has already set are.
 */
public final class StateAsOf implements Consumer<AuditRecord> {
    private final String entityType;
    private final String entityId;
    private final Instant asOf;
    private final LinkedHashMap<String, String> fields = new LinkedHashMap<>();
    private final List<String> inconsistencies = new ArrayList<>();
    private long lastSeq = -1;
    private Instant lastChangedAt;
    private String lastChangedBy;
    private boolean exists;
    private boolean completeHistory;

    public StateAsOf(String entityType, String entityId, Instant asOf) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /** Folds a whole history at once. */
    public static Optional<EntityState> of(String entityType, String entityId, Instant asOf, Iterable<AuditRecord> records) {
        StateAsOf fold = new StateAsOf(entityType, entityId, asOf);
        records.forEach(fold);
        return fold.result();
    }

    @Override
    public void accept(AuditRecord record) {
        if (!record.isAbout(entityType, entityId)) {
            throw new IllegalArgumentException("record " + record.seq() + " is about " + record.entityType() + " "
                    + record.entityId() + ", not " + entityType + " " + entityId);
        }
        if (record.seq() <= lastSeq) {
            throw new IllegalArgumentException("records must come oldest first: " + record.seq() + " after " + lastSeq);
        }
        if (record.at().isAfter(asOf)) {
            return;
        }
        if (lastSeq < 0) {
            completeHistory = AuditEntry.CREATE.equals(record.action());
        }
        if (AuditEntry.DELETE.equals(record.action())) {
            checkOldValues(record);
            fields.clear();
            exists = false;
        } else {
            if (AuditEntry.CREATE.equals(record.action())) {
                if (exists && lastSeq >= 0) {
                    inconsistencies.add("record " + record.seq() + " creates " + entityType + " " + entityId
                            + ", which already exists");
                }
                fields.clear();
            } else {
                checkOldValues(record);
            }
            exists = true;
            for (String field : record.oldValues().keySet()) {
                if (!record.newValues().containsKey(field)) {
                    fields.remove(field);
                }
            }
            for (Map.Entry<String, String> change : record.newValues().entrySet()) {
                if (change.getValue() == null) {
                    fields.remove(change.getKey());
                } else {
                    fields.put(change.getKey(), change.getValue());
                }
            }
        }
        lastSeq = record.seq();
        lastChangedAt = record.at();
        lastChangedBy = record.actor();
    }

    private void checkOldValues(AuditRecord record) {
        if (lastSeq < 0 && !completeHistory) {
            return;
        }
        for (Map.Entry<String, String> old : record.oldValues().entrySet()) {
            boolean known = completeHistory || fields.containsKey(old.getKey());
            String expected = fields.get(old.getKey());
            if (known && !Objects.equals(expected, old.getValue())) {
                inconsistencies.add("record " + record.seq() + ": " + old.getKey() + " was " + quoted(old.getValue())
                        + " by the record but " + quoted(expected) + " by the history before it");
            }
        }
    }

    private static String quoted(String text) {
        return text == null ? "empty" : "'" + text + "'";
    }

    /** The state, or empty when no record was appended at or before the instant. */
    public Optional<EntityState> result() {
        if (lastSeq < 0) {
            return Optional.empty();
        }
        return Optional.of(new EntityState(entityType, entityId, asOf, exists, fields, lastSeq, lastChangedAt,
                lastChangedBy, inconsistencies));
    }
}
