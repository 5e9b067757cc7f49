package io.cxtracker.persistence.audit;

import io.cxtracker.domain.audit.AuditQuery;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.AuditRecordRepository;
import io.cxtracker.domain.audit.ChainVerification;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Queries the audit trail with JDBC. Lists are paged in the database; histories and the verification
 * stream through a cursor, so neither ever holds the table in memory.
 */
@ApplicationScoped
public class JdbcAuditRecordRepository implements AuditRecordRepository {
    static final int FETCH_SIZE = 500;
    private static final Set<String> SORTS = Set.of("seq", "at");

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    /** For CDI. */
    public JdbcAuditRecordRepository() {
    }

    public JdbcAuditRecordRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Page<AuditRecord> find(AuditQuery query, PageRequest page) {
        String sort = page.sortProperty() == null ? "seq" : page.sortProperty();
        if (!SORTS.contains(sort)) {
            throw new InvalidInputException("sort", "must be one of " + SORTS.stream().sorted().toList());
        }
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        String select = "SELECT " + AuditRows.COLUMNS + " FROM " + AuditRows.FROM + where + " ORDER BY r.seq "
                + (page.ascending() ? "ASC" : "DESC") + " LIMIT ? OFFSET ?";
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM audit_record r" + where)) {
                bind(count, parameters);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditRecord> items = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                List<Object> all = new ArrayList<>(parameters);
                all.add(page.limit());
                all.add((long) page.offset());
                bind(statement, all);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        items.add(AuditRows.read(rs));
                    }
                }
            }
            return new Page<>(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    @Override
    public void history(String entityType, String entityId, Instant until, Consumer<AuditRecord> each) {
        String select = "SELECT " + AuditRows.COLUMNS + " FROM " + AuditRows.FROM
                + " WHERE r.entity_type = ? AND r.entity_id = ? AND r.at <= ? ORDER BY r.seq";
        stream(dataSource, select, List.of(entityType, entityId, utc(until)), each);
    }

    /** Walks every sealed link from genesis; records still awaiting the sealer are counted, not verified. */
    @Override
    public ChainVerification verifyChain() {
        ChainVerification links = JdbcAuditChain.verifyThrough(dataSource, Long.MAX_VALUE);
        return links.withPending(new JdbcAuditChain(dataSource).pending());
    }

    /** Runs the query through a cursor (the caller's transaction keeps it open) and hands over each record. */
    public static void stream(DataSource dataSource, String select, List<Object> parameters, Consumer<AuditRecord> each) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setFetchSize(FETCH_SIZE);
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    each.accept(AuditRows.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    private static String where(AuditQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.entityType() != null) {
            conditions.add("r.entity_type = ?");
            parameters.add(query.entityType());
        }
        if (query.entityId() != null) {
            conditions.add("r.entity_id = ?");
            parameters.add(query.entityId());
        }
        if (query.actor() != null) {
            conditions.add("r.actor = ?");
            parameters.add(query.actor());
        }
        if (query.department() != null) {
            conditions.add("r.department_code = ?");
            parameters.add(query.department());
        }
        if (query.from() != null) {
            conditions.add("r.at >= ?");
            parameters.add(utc(query.from()));
        }
        if (query.to() != null) {
            conditions.add("r.at < ?");
            parameters.add(utc(query.to()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
