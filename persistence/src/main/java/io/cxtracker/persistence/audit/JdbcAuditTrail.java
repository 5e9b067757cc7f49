package io.cxtracker.persistence.audit;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Appends audit records with plain JDBC on the application's JTA datasource: inside a transaction the
 * container hands out the connection the transaction already uses (the same one JPA writes through),
 * so the record commits or rolls back with the write it describes. Outside a transaction it refuses.
 * The database trigger assigns the record's number and time; the record is appended unsealed, with no
 * lock shared with other writers, and {@link JdbcAuditChain the sealer} links it into the hash chain
 * within seconds of its commit.
 *
 * <p>Before appending it flushes the persistence context, so a write that breaks a constraint fails
 * before it is recorded.
 */
@ApplicationScoped
public class JdbcAuditTrail implements AuditTrail {
    private static final String INSERT = "INSERT INTO audit_record AS r (actor, entity_type, entity_id, department_code, action, "
            + "old_value, new_value, request_id) VALUES (?, ?, ?, ?, ?, jsonb_object(?::text[], ?::text[]), "
            + "jsonb_object(?::text[], ?::text[]), ?) RETURNING " + AuditRows.INSERTED_COLUMNS;

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI. */
    public JdbcAuditTrail() {
    }

    /** For tests: a datasource whose connections take part in the caller's transaction. */
    public JdbcAuditTrail(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord record(AuditEntry entry) {
        if (em != null && em.isJoinedToTransaction()) {
            em.flush();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, entry.actor());
            insert.setString(2, entry.entityType());
            insert.setString(3, entry.entityId());
            insert.setString(4, entry.department());
            insert.setString(5, entry.action());
            setPairs(connection, insert, 6, entry.oldValues());
            setPairs(connection, insert, 8, entry.newValues());
            insert.setString(10, entry.requestId());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return AuditRows.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not append the audit record of " + entry.entityType() + " "
                    + entry.entityId() + ": " + e.getMessage(), e);
        }
    }

    private static void setPairs(Connection connection, PreparedStatement statement, int index, Map<String, String> values)
            throws SQLException {
        statement.setArray(index, connection.createArrayOf("text", values.keySet().toArray(String[]::new)));
        statement.setArray(index + 1, connection.createArrayOf("text", values.values().toArray(String[]::new)));
    }
}
