package io.cxtracker.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.audit.AuditTrail;
import io.cxtracker.domain.audit.RequestCorrelation;
import io.cxtracker.domain.security.CurrentUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail of service tests: it keeps the entries in a list and numbers them as the database
 * would (no hashes). {@link #recorder} gives the {@link AuditRecorder} a service is built with.
 */
public final class InMemoryAuditTrail implements AuditTrail {
    public final List<AuditEntry> entries = new ArrayList<>();
    public final List<AuditRecord> records = new ArrayList<>();

    @Override
    public AuditRecord record(AuditEntry entry) {
        entries.add(entry);
        AuditRecord record = new AuditRecord(entries.size(), Instant.EPOCH.plusSeconds(entries.size()), entry.actor(), entry.entityType(),
                entry.entityId(), entry.department(), entry.action(), entry.oldValues(), entry.newValues(),
                entry.requestId(), "0".repeat(64), "0".repeat(64));
        records.add(record);
        return record;
    }

    public AuditRecorder recorder(CurrentUser user) {
        RequestCorrelation correlation = new RequestCorrelation();
        correlation.adopt("test-request");
        return new AuditRecorder(this, user, correlation);
    }

    /** The last entry, after checking that exactly {@code expectedSize} were recorded in all. */
    public AuditEntry last(int expectedSize) {
        assertEquals(expectedSize, entries.size(), () -> "audit entries: " + entries);
        return entries.getLast();
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
        records.clear();
    }
}
