package io.cxtracker.domain.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * One write, as the audit trail records it: who did what to which thing, and each changed field's text
 * before and after. The database adds the time, the sequence number and the hash chain.
 *
 * <p>{@code oldValues} and {@code newValues} map field names to their text (null: the field had no
 * value). A field only in {@code oldValues} was removed; a creation has no old values, a deletion no
 * new ones. Build one with {@link #of(String, Object, String)}.
 *
 * @param department the department the changed thing belongs to (its owner at the time), so that a
 *        department's accountability report finds the change; null for program-wide things
 * @param requestId the id that ties the record to the request that caused it (see {@link RequestCorrelation})
 */
public record AuditEntry(String actor, String entityType, String entityId, String department, String action,
        SequencedMap<String, String> oldValues, SequencedMap<String, String> newValues, String requestId) {

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";

    public static final int ACTOR_MAX_LENGTH = 200;
    public static final int ENTITY_TYPE_MAX_LENGTH = 40;
    public static final int ENTITY_ID_MAX_LENGTH = 100;
    public static final int ACTION_MAX_LENGTH = 40;
    public static final int FIELD_MAX_LENGTH = 100;
    public static final int DEPARTMENT_MAX_LENGTH = 40;
    public static final int REQUEST_ID_MAX_LENGTH = 100;
    /** Entity types and actions: lower-case slugs such as {@code milestone}, {@code check-in}. */
    public static final String SLUG_REGEX = "[a-z][a-z0-9-]{0,39}";
    public static final String REQUEST_ID_REGEX = "[A-Za-z0-9._:-]{1,100}";
    private static final Pattern SLUG = Pattern.compile(SLUG_REGEX);
    private static final Pattern REQUEST_ID = Pattern.compile(REQUEST_ID_REGEX);

    public AuditEntry {
        actor = text("actor", actor, ACTOR_MAX_LENGTH);
        entityType = slug("entityType", entityType);
        entityId = text("entityId", entityId, ENTITY_ID_MAX_LENGTH);
        action = slug("action", action);
        if (department != null && (department.isBlank() || department.length() > DEPARTMENT_MAX_LENGTH)) {
            throw new IllegalArgumentException("department must be null or at most " + DEPARTMENT_MAX_LENGTH + " characters");
        }
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw new IllegalArgumentException("requestId must match " + REQUEST_ID_REGEX);
        }
        oldValues = frozen("oldValues", oldValues);
        newValues = frozen("newValues", newValues);
    }

    public static boolean isSlug(String candidate) {
        return candidate != null && SLUG.matcher(candidate).matches();
    }

    public static boolean isRequestId(String candidate) {
        return candidate != null && REQUEST_ID.matcher(candidate).matches();
    }

    /** Starts an entry about {@code entityType} {@code entityId}; the id is written as text. */
    public static Builder of(String entityType, Object entityId, String action) {
        return new Builder(entityType, String.valueOf(entityId), action);
    }

    /** True when the entry names no field at all (an update that changed nothing need not be recorded). */
    public boolean isEmpty() {
        return oldValues.isEmpty() && newValues.isEmpty();
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
        return value;
    }

    private static String slug(String field, String value) {
        if (!isSlug(value)) {
            throw new IllegalArgumentException(field + " must match " + SLUG_REGEX + ", not '" + value + "'");
        }
        return value;
    }

    private static SequencedMap<String, String> frozen(String name, Map<String, String> values) {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((field, value) -> {
                text(name + " field", field, FIELD_MAX_LENGTH);
                copy.put(field, value);
            });
        }
        return Collections.unmodifiableSequencedMap(copy);
    }

    /**
     * Collects the fields of one write. {@link #change} keeps a field only when its text differs, so a
     * service can list every field it may have touched and record what really changed.
     */
    public static final class Builder {
        private final String entityType;
        private final String entityId;
        private final String action;
        private final LinkedHashMap<String, String> oldValues = new LinkedHashMap<>();
        private final LinkedHashMap<String, String> newValues = new LinkedHashMap<>();
        private String actor;
        private String department;
        private String requestId;

        private Builder(String entityType, String entityId, String action) {
            this.entityType = entityType;
            this.entityId = entityId;
            this.action = action;
        }

        public Builder by(String actorName) {
            this.actor = actorName;
            return this;
        }

        public Builder department(Object departmentCode) {
            this.department = departmentCode == null ? null : departmentCode.toString();
            return this;
        }

        public Builder requestId(String id) {
            this.requestId = id;
            return this;
        }

        /** Records the field when its text changed; values are written with {@code String.valueOf}, null stays null. */
        public Builder change(String field, Object before, Object after) {
            String old = textOf(before);
            String now = textOf(after);
            if (!Objects.equals(old, now)) {
                oldValues.put(field, old);
                newValues.put(field, now);
            }
            return this;
        }

        /** A field of a new thing (or a value that is set without a previous one). */
        public Builder set(String field, Object value) {
            newValues.put(field, textOf(value));
            return this;
        }

        /**
         * Every field of two snapshots of one thing (before and after a write) whose text differs; a field
         * missing on one side counts as null there.
         */
        public Builder changes(Map<String, ?> before, Map<String, ?> after) {
            LinkedHashSet<String> fields = new LinkedHashSet<>(before.keySet());
            fields.addAll(after.keySet());
            for (String field : fields) {
                change(field, before.get(field), after.get(field));
            }
            return this;
        }

        /** The fields of a new thing that have a value. */
        public Builder created(Map<String, ?> fields) {
            fields.forEach((field, value) -> {
                if (value != null) {
                    set(field, value);
                }
            });
            return this;
        }

        /** A field of a deleted thing. */
        public Builder removed(String field, Object value) {
            oldValues.put(field, textOf(value));
            return this;
        }

        public boolean hasChanges() {
            return !oldValues.isEmpty() || !newValues.isEmpty();
        }

        public String actor() {
            return actor;
        }

        public String action() {
            return action;
        }

        public String requestId() {
            return requestId;
        }

        public AuditEntry build() {
            return new AuditEntry(actor, entityType, entityId, department, action, oldValues, newValues, requestId);
        }

        private static String textOf(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
