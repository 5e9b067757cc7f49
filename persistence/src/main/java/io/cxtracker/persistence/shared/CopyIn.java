package io.cxtracker.persistence.shared;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
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
        Savepoint before = connection.setSavepoint();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new java.io.ByteArrayInputStream(data));
        } catch (SQLException e) {
            if (!KEY_TAKEN.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(before);
            return false;
        } catch (java.io.IOException e) {
            throw new SQLException("the rows could not be sent to the database", e);
        }
        connection.releaseSavepoint(before);
        return true;
    }
}
