package io.cxtracker.persistence.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * {@code COPY … FROM STDIN} on a connection in a transaction, for rows whose idempotency keys were just found not
 * stored yet. COPY has no ON CONFLICT: when a transaction that raced with this one stored one of the keys in the
 * meantime, the copy fails on it. It runs in a savepoint, so that failure undoes the copy alone and the caller
 * decides those rows another way; any other failure (a constraint the rows break) is the transaction's, as it
 * would be for an INSERT.
 */
public final class CopyIn {
    /** unique_violation: a key of the copied rows is stored already. */
    static final String KEY_TAKEN = "23505";
    private static final String SAVEPOINT = "cx_copy_in";

    private CopyIn() {
    }

    /**
     * Copies the rows into the table's columns.
     *
     * @return true when every row was stored; false when a key was taken meanwhile, and then none was
     */
    public static boolean unlessKeyTaken(Connection connection, String table, String columns, CopyText rows)
            throws SQLException {
        byte[] data = rows.toString().getBytes(StandardCharsets.UTF_8);
        String sql = "COPY " + table + " (" + columns + ") FROM STDIN";
        // the savepoint in SQL: the container's connection wrapper refuses the JDBC savepoint calls (rollback) while
        // a managed transaction runs, and the database needs nothing more than these statements
        execute(connection, "SAVEPOINT " + SAVEPOINT);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(data));
        } catch (SQLException e) {
            if (!KEY_TAKEN.equals(e.getSQLState())) {
                throw e;
            }
            execute(connection, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
            execute(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
            return false;
        } catch (IOException e) {
            throw new SQLException("the rows could not be sent to the database", e);
        }
        execute(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
        return true;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
