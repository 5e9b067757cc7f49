package io.cxtracker.persistence.support;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.AuditTrail;
import io.cxtracker.persistence.audit.JdbcAuditTrail;
import jakarta.persistence.EntityManager;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
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
    private record Borrowed(Connection connection) implements DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
