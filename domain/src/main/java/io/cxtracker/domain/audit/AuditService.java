package io.cxtracker.domain.audit;

import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Reading the audit trail: lists, the state of a thing as of an instant, and the verification of the
 * hash chain. Executives, auditors and program admins may read it; nobody may change it.
 */
@ApplicationScoped
@Transactional
public class AuditService {
    static final Role[] READERS = {Role.EXECUTIVE, Role.AUDITOR, Role.PROGRAM_ADMIN};

    private final AuditRecordRepository records;
    private final CurrentUser currentUser;

    /** For the CDI proxy only. */
    protected AuditService() {
        this(null, null);
    }

    @Inject
    public AuditService(AuditRecordRepository records, CurrentUser currentUser) {
        this.records = records;
        this.currentUser = currentUser;
    }

    public Page<AuditRecord> find(AuditQuery query, PageRequest page) {
        Authority.requireAnyRole(currentUser, "read the audit trail", READERS);
        return records.find(query, page);
    }

    /** The thing's fields as of the instant, reconstructed from its history; empty when it had none yet. */
    public Optional<EntityState> stateAsOf(String entityType, String entityId, Instant asOf) {
        Authority.requireAnyRole(currentUser, "read the audit trail", READERS);
        AuditQuery query = new AuditQuery(entityType, entityId, null, null, null, null);
        if (query.entityType() == null || query.entityId() == null) {
            throw new InvalidInputException(query.entityType() == null ? "entity" : "entityId", "is required");
        }
        if (asOf == null) {
            throw new InvalidInputException("at", "is required");
        }
        StateAsOf fold = new StateAsOf(query.entityType(), query.entityId(), asOf);
        records.history(query.entityType(), query.entityId(), asOf, fold);
        return fold.result();
    }

    public ChainVerification verify() {
        Authority.requireAnyRole(currentUser, "verify the audit trail", READERS);
        return records.verifyChain();
    }
}
