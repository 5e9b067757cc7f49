package io.cxtracker.domain.audit;

import io.cxtracker.domain.shared.Violations;
import java.time.Instant;

/**
 * Which audit records to list; every criterion is optional. {@code from} is inclusive, {@code to}
 * exclusive. An entity id needs its entity type.
 */
public record AuditQuery(String entityType, String entityId, String actor, String department, Instant from, Instant to) {

    public AuditQuery {
        entityType = blankToNull(entityType);
        entityId = blankToNull(entityId);
        actor = blankToNull(actor);
        department = blankToNull(department);
        Violations violations = new Violations();
        violations.check(entityType == null || AuditEntry.isSlug(entityType), "entity",
                "must be an entity type such as 'milestone' (" + AuditEntry.SLUG_REGEX + ")");
        violations.check(entityId == null || entityType != null, "entityId", "needs 'entity' too");
        violations.check(entityId == null || entityId.length() <= AuditEntry.ENTITY_ID_MAX_LENGTH, "entityId",
                "must be at most " + AuditEntry.ENTITY_ID_MAX_LENGTH + " characters");
        violations.check(actor == null || actor.length() <= AuditEntry.ACTOR_MAX_LENGTH, "user",
                "must be at most " + AuditEntry.ACTOR_MAX_LENGTH + " characters");
        violations.check(department == null || department.length() <= AuditEntry.DEPARTMENT_MAX_LENGTH, "department",
                "must be at most " + AuditEntry.DEPARTMENT_MAX_LENGTH + " characters");
        violations.check(from == null || to == null || from.isBefore(to), "to", "must be after 'from'");
        violations.throwIfAny();
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public static AuditQuery entity(String entityType, Object entityId) {
        return new AuditQuery(entityType, String.valueOf(entityId), null, null, null, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
