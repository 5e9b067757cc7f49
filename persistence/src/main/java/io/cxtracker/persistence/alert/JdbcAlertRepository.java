package io.cxtracker.persistence.alert;

import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.AlertRepository;
import io.cxtracker.domain.alert.AlertView;
import io.cxtracker.domain.alert.Audience;
import io.cxtracker.domain.alert.NewAlert;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The alert outbox over JDBC, on the JTA datasource: inside a service's transaction the inserts commit or
 * roll back with the change that caused them. The dedup key is the table's unique constraint, so a second
 * insert of the same alert (a second evaluation, another node) is skipped by the database, not by a lock.
 */
@ApplicationScoped
public class JdbcAlertRepository implements AlertRepository {
    private static final String INSERT = """
            INSERT INTO alert (kind, subject_type, subject_id, audience, period, title, body, link, actor, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT ON CONSTRAINT alert_dedup_uk DO NOTHING""";
    /**
     * The reader's alerts: addressed to one of their audiences, of a kind they hear, not caused by them; one row
     * per (kind, subject, period) even when the reader is in two of its audiences (a lead of two departments).
     */
    private static final String MINE = """
            WITH mine AS (
                SELECT DISTINCT ON (a.kind, a.subject_type, a.subject_id, a.period) a.*
                FROM alert a
                WHERE a.audience = ANY (?) AND a.kind = ANY (?) AND (a.actor IS NULL OR a.actor <> ?)
                ORDER BY a.kind, a.subject_type, a.subject_id, a.period, a.id)
            """;
    private static final String READ_JOIN = " FROM mine a LEFT JOIN alert_read r ON r.alert_id = a.id AND r.reader = ?";

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    /** For CDI. */
    public JdbcAlertRepository() {
    }

    public JdbcAlertRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int store(Collection<NewAlert> alerts, Instant at) {
        if (alerts.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Timestamp created = Timestamp.from(at);
            for (NewAlert alert : alerts) {
                insert.setString(1, alert.kind().name());
                insert.setString(2, alert.subjectType());
                insert.setLong(3, alert.subjectId());
                insert.setString(4, alert.audience().value());
                insert.setString(5, alert.period());
                insert.setString(6, alert.title());
                insert.setString(7, alert.body());
                insert.setString(8, alert.link());
                insert.setString(9, alert.actor());
                insert.setTimestamp(10, created);
                insert.addBatch();
            }
            int stored = 0;
            for (int count : insert.executeBatch()) {
                stored += Math.max(count, 0);
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + alerts.size() + " alerts failed", e);
        }
    }

    @Override
    public Page<AlertView> inbox(Set<Audience> audiences, Set<AlertKind> kinds, String reader, boolean unreadOnly,
            PageRequest page) {
        if (audiences.isEmpty() || kinds.isEmpty()) {
            return new Page<>(List.of(), 0);
        }
        String unread = unreadOnly ? " WHERE r.reader IS NULL" : "";
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement(MINE + "SELECT count(*)" + READ_JOIN + unread)) {
                bindMine(connection, count, audiences, kinds, reader);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AlertView> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(MINE
                    + "SELECT a.id, a.kind, a.title, a.body, a.link, a.created_at, r.reader IS NOT NULL" + READ_JOIN
                    + unread + " ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?")) {
                bindMine(connection, select, audiences, kinds, reader);
                select.setInt(5, page.limit());
                select.setInt(6, page.offset());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        items.add(view(rs));
                    }
                }
            }
            return new Page<>(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the inbox of " + reader + " failed", e);
        }
    }

    @Override
    public long unread(Set<Audience> audiences, Set<AlertKind> kinds, String reader) {
        if (audiences.isEmpty() || kinds.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(MINE + "SELECT count(*)" + READ_JOIN
                        + " WHERE r.reader IS NULL")) {
            bindMine(connection, count, audiences, kinds, reader);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the unread alerts of " + reader + " failed", e);
        }
    }

    @Override
    public Optional<AlertView> find(long id, Set<Audience> audiences, String reader) {
        if (audiences.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT a.id, a.kind, a.title, a.body, a.link, a.created_at, r.reader IS NOT NULL
                        FROM alert a LEFT JOIN alert_read r ON r.alert_id = a.id AND r.reader = ?
                        WHERE a.id = ? AND a.audience = ANY (?) AND (a.actor IS NULL OR a.actor <> ?)""")) {
            select.setString(1, reader);
            select.setLong(2, id);
            select.setArray(3, connection.createArrayOf("varchar", audiences.stream().map(Audience::value).toArray()));
            select.setString(4, reader);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading alert " + id + " failed", e);
        }
    }

    @Override
    public boolean markRead(long id, String reader, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO alert_read (alert_id, reader, read_at) VALUES (?, ?, ?)
                        ON CONFLICT ON CONSTRAINT alert_read_pk DO NOTHING""")) {
            insert.setLong(1, id);
            insert.setString(2, reader);
            insert.setTimestamp(3, Timestamp.from(at));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("marking alert " + id + " read failed", e);
        }
    }

    private static void bindMine(Connection connection, PreparedStatement statement, Set<Audience> audiences,
            Set<AlertKind> kinds, String reader) throws SQLException {
        statement.setArray(1, connection.createArrayOf("varchar", audiences.stream().map(Audience::value).toArray()));
        statement.setArray(2, connection.createArrayOf("varchar", kinds.stream().map(Enum::name).toArray()));
        statement.setString(3, reader);
        statement.setString(4, reader);
    }

    private static AlertView view(ResultSet rs) throws SQLException {
        return new AlertView(rs.getLong(1), AlertKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getBoolean(7));
    }
}
