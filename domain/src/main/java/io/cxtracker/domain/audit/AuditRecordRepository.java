package io.cxtracker.domain.audit;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.Instant;
import java.util.function.Consumer;

/** The read side of the audit trail; persistence implements it with queries that never load the whole table. */
public interface AuditRecordRepository {

    /** Sort properties: {@code seq} (the default) and {@code at}, which is the same order. */
    Page<AuditRecord> find(AuditQuery query, PageRequest page);

    /** Streams one entity's records appended at or before {@code until}, oldest first. */
    void history(String entityType, String entityId, Instant until, Consumer<AuditRecord> each);

    /** Recomputes every hash in the database and reports the first broken link. */
    ChainVerification verifyChain();
}
