package io.cxtracker.persistence.audit;

import io.cxtracker.persistence.support.TestDatabase;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A datasource that behaves like the container's JTA one: inside {@link #inTransaction} every
 * {@code getConnection()} of the thread hands out the transaction's connection (closing the handle
 * leaves it open), and the work commits at the end or rolls back when it throws.
 */
public final class ThreadTransactions implements DataSource {
    private final TestDatabase db;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public ThreadTransactions(TestDatabase db) {
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
    public Connection getConnection(String username, String password) throws SQLException {
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
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
