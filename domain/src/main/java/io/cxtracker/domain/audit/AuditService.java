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
 * hash chain. Executives, auditors and program admins may read it; nobody may change it. A milestone's
 * own history is progress, which department leads read for every department (ARCHITECTURE §1), so they may
 * read that too.
 */
@ApplicationScoped
@Transactional
public class AuditService {
    static final Role[] READERS = {Role.EXECUTIVE, Role.AUDITOR, Role.PROGRAM_ADMIN};
    static final Role[] MILESTONE_HISTORY_READERS = {Role.EXECUTIVE, Role.AUDITOR, Role.PROGRAM_ADMIN,
            Role.DEPARTMENT_LEAD};
    static final String MILESTONE = "milestone";

    private final AuditRecordRepository records;
    private final CurrentUser currentUser;
    private final AuditChain chain;

    /** For the CDI proxy only. */
    protected AuditService() {
        this(null, null, null);
    }

    /** Without the sealer: verification covers what is sealed already (tests of reading). */
    public AuditService(AuditRecordRepository records, CurrentUser currentUser) {
        this(records, currentUser, null);
    }

    @Inject
    public AuditService(AuditRecordRepository records, CurrentUser currentUser, AuditChain chain) {
        this.records = records;
        this.currentUser = currentUser;
        this.chain = chain;
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

    /** A milestone's audit records (every write to it, check-ins included), oldest first unless the page sorts otherwise. */
    public Page<AuditRecord> milestoneHistory(long milestoneId, PageRequest page) {
        Authority.requireAnyRole(currentUser, "read milestone histories", MILESTONE_HISTORY_READERS);
        return records.find(AuditQuery.entity(MILESTONE, milestoneId), page);
    }

    /** A milestone's fields as of the instant, reconstructed from its history; empty when it had none yet. */
    public Optional<EntityState> milestoneAsOf(long milestoneId, Instant asOf) {
        Authority.requireAnyRole(currentUser, "read milestone histories", MILESTONE_HISTORY_READERS);
        if (asOf == null) {
            throw new InvalidInputException("asOf", "is required");
        }
        String id = String.valueOf(milestoneId);
        StateAsOf fold = new StateAsOf(MILESTONE, id, asOf);
        records.history(MILESTONE, id, asOf, fold);
        return fold.result();
    }

    /** Seals what is committed first (on demand, as the schedule would within seconds), then walks the chain. */
    public ChainVerification verify() {
        Authority.requireAnyRole(currentUser, "verify the audit trail", READERS);
        if (chain != null) {
            chain.sealPending();
        }
        return records.verifyChain();
    }
}
