package io.cxtracker.persistence.support;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.AuditTrail;
import io.cxtracker.persistence.audit.JdbcAuditTrail;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import org.hibernate.Session;

/**
 * The production {@link JdbcAuditTrail} on the connection of a test's entity manager, as the container's
 * JTA datasource hands it the transaction's connection: the record commits or rolls back with the
 * write. Like production it flushes the persistence context first.
 */
public final class EntityManagerAuditTrail implements AuditTrail {
    private final EntityManager em;

    public EntityManagerAuditTrail(EntityManager em) {
        this.em = em;
    }

    @Override
    public AuditRecord record(AuditEntry entry) {
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("audit records are appended inside the write's transaction only");
        }
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> new JdbcAuditTrail(new Borrowed(connection)).record(entry));
    }

    /** Hands out the borrowed connection; closing the handle leaves it open. */
    private static final class Borrowed extends ConnectionSource {
        private final Connection connection;

        Borrowed(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return keptOpen(connection);
        }
    }
}
