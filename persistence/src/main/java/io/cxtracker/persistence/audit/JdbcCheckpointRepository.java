package io.cxtracker.persistence.audit;

import io.cxtracker.domain.audit.Checkpoint;
import io.cxtracker.domain.audit.CheckpointRepository;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The signed checkpoints in audit_checkpoint (append-only, V11). */
@ApplicationScoped
public class JdbcCheckpointRepository implements CheckpointRepository {
    private static final String COLUMNS = "id, seq, hash, signed_at, reason, period, signature, key_fingerprint, "
            + "public_key, created_by";

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    /** For CDI. */
    public JdbcCheckpointRepository() {
    }

    public JdbcCheckpointRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Checkpoint add(Checkpoint c) {
        // a second node's daily checkpoint for the same day conflicts on the partial unique index and is dropped
        String insert = "INSERT INTO audit_checkpoint (seq, hash, signed_at, reason, period, signature, key_fingerprint, "
                + "public_key, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (period) WHERE period IS NOT NULL "
                + "DO NOTHING RETURNING " + COLUMNS;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setLong(1, c.seq());
            statement.setString(2, c.hash());
            statement.setObject(3, c.signedAt().atOffset(ZoneOffset.UTC));
            statement.setString(4, c.reason());
            statement.setObject(5, c.period() == null ? null : Date.valueOf(c.period()), java.sql.Types.DATE);
            statement.setString(6, c.signature());
            statement.setString(7, c.keyFingerprint());
            statement.setString(8, c.publicKey());
            statement.setString(9, c.createdBy());
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    return read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the audit checkpoint: " + e.getMessage(), e);
        }
        return daily(c.period()).orElseThrow(() -> new IllegalStateException("the daily checkpoint of " + c.period()
                + " conflicted but cannot be read"));
    }

    @Override
    public Optional<Checkpoint> find(long id) {
        return list("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<Checkpoint> daily(LocalDate day) {
        return list("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE period = ?", Date.valueOf(day)).stream().findFirst();
    }

    @Override
    public Page<Checkpoint> find(PageRequest page) {
        String sort = page.sortProperty() == null ? "id" : page.sortProperty();
        if (!List.of("id", "seq", "signedAt").contains(sort)) {
            throw new InvalidInputException("sort", "must be one of [id, seq, signedAt]");
        }
        // without an explicit sort the newest come first: that is what an auditor looks for
        boolean ascending = page.sortProperty() != null && page.ascending();
        List<Checkpoint> items = list("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY "
                + ("signedAt".equals(sort) ? "signed_at" : sort) + (ascending ? " ASC" : " DESC") + ", id"
                + (ascending ? " ASC" : " DESC") + " LIMIT ? OFFSET ?", page.limit(), (long) page.offset());
        long total;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM audit_checkpoint");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count audit checkpoints", e);
        }
        return new Page<>(items, total);
    }

    @Override
    public List<Checkpoint> through(long seq) {
        return list("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE seq <= ? ORDER BY seq, id", seq);
    }

    private List<Checkpoint> list(String select, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(select)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Checkpoint> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read audit checkpoints", e);
        }
    }

    private static Checkpoint read(ResultSet rs) throws SQLException {
        Date period = rs.getDate("period");
        return new Checkpoint(rs.getLong("id"), rs.getLong("seq"), rs.getString("hash"),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("reason"),
                period == null ? null : period.toLocalDate(), rs.getString("signature"), rs.getString("key_fingerprint"),
                rs.getString("public_key"), rs.getString("created_by"));
    }
}
