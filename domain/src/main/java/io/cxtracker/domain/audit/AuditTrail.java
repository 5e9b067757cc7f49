package io.cxtracker.domain.audit;

/**
 * Where every write is recorded, in the writer's transaction: if the write rolls back, so does its
 * record, and a record can never be changed or removed afterwards. Persistence implements it; the
 * database chains each record to the one before it by a SHA-256 hash.
 */
public interface AuditTrail {

    /**
     * Appends the entry, inside the caller's (mandatory) transaction.
     *
     * @return the record as stored: with its sequence number, time and hashes
     */
    AuditRecord record(AuditEntry entry);
}
