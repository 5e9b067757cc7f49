package io.cxtracker.persistence.shared;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Plain JDBC on the entity manager's own connection (so in its transaction), for the read models' big reads: a
 * dashboard of the benchmark program reads 2,000 milestones and 2,500 days of sums, and Hibernate's handling of a
 * native query's rows (a type resolved and a converter run for every value, dates through a Calendar) cost as much
 * as the database took to answer. Each row is read by the caller, column by column, as the type it wants.
 */
public final class Jdbc {

    /** Reads one row; the result set stands on it. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    /**
     * The rows of a statement with positional parameters ({@code ?}), each read by {@code reader}. A {@code Long[]}
     * parameter goes as a bigint array, an {@code Integer[]} as an integer array. Pending changes of the entity
     * manager are flushed first, as Hibernate does before a native query, so a read in a writing transaction sees them.
     */
    public static <T> List<T> query(EntityManager em, String sql, List<?> parameters, RowReader<T> reader) {
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static void bind(Connection connection, PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Long[] longs) {
                statement.setArray(i + 1, connection.createArrayOf("bigint", longs));
            } else if (value instanceof Integer[] ints) {
                statement.setArray(i + 1, connection.createArrayOf("integer", ints));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** A nullable double column. */
    public static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** A bigint[] column as a list, empty for NULL. */
    public static List<Long> longs(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        List<Long> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(((Number) value).longValue());
        }
        return values;
    }
}
