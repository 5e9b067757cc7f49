package io.cxtracker.persistence.audit;

import io.cxtracker.persistence.support.ConnectionSource;
import io.cxtracker.persistence.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * A datasource that behaves like the container's JTA one: inside {@link #inTransaction} every
 * {@code getConnection()} of the thread hands out the transaction's connection (closing the handle
 * leaves it open), and the work commits at the end or rolls back when it throws.
 */
public final class ThreadTransactions extends ConnectionSource {
    private final Connector db;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    /** Opens a new connection to the database. */
    public interface Connector {
        Connection connect() throws SQLException;
    }

    public ThreadTransactions(TestDatabase db) {
        this(db::connect);
    }

    public ThreadTransactions(Connector db) {
        this.db = db;
    }

    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            throw new IllegalStateException("already in a transaction");
        }
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            current.set(connection);
            try {
                T result = work.get();
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = current.get();
        if (connection == null) {
            return db.connect();
        }
        return keptOpen(connection);
    }
}
