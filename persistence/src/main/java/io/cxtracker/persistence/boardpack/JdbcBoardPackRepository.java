package io.cxtracker.persistence.boardpack;

import io.cxtracker.domain.boardpack.BoardPackFormat;
import io.cxtracker.domain.boardpack.BoardPackRecord;
import io.cxtracker.domain.boardpack.BoardPackRepository;
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
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The board packs built, in the append-only board_pack table. */
@ApplicationScoped
public class JdbcBoardPackRepository implements BoardPackRepository {
    private static final String COLUMNS = "pack_id, program_id, format, file_sha256, byte_count, as_of, since, "
            + "generated_at, generated_by, checkpoint_id";

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    /** For CDI. */
    public JdbcBoardPackRepository() {
    }

    public JdbcBoardPackRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(BoardPackRecord p) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO board_pack (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, p.packId());
            insert.setLong(2, p.programId());
            insert.setString(3, p.format().extension());
            insert.setString(4, p.fileSha256());
            insert.setLong(5, p.bytes());
            insert.setDate(6, Date.valueOf(p.asOf()));
            insert.setDate(7, Date.valueOf(p.since()));
            insert.setObject(8, p.generatedAt().atOffset(ZoneOffset.UTC));
            insert.setString(9, p.generatedBy());
            insert.setObject(10, p.checkpointId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record board pack " + p.packId(), e);
        }
    }

    @Override
    public Optional<BoardPackRecord> findByFileSha256(String sha256) {
        return one("SELECT " + COLUMNS + " FROM board_pack WHERE file_sha256 = ? ORDER BY generated_at, pack_id LIMIT 1", sha256);
    }

    @Override
    public Optional<BoardPackRecord> find(UUID packId) {
        return one("SELECT " + COLUMNS + " FROM board_pack WHERE pack_id = ?", packId);
    }

    @Override
    public Optional<LocalDate> lastReviewBefore(long programId, LocalDate before) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT max(as_of) FROM board_pack WHERE program_id = ? AND as_of < ?")) {
            statement.setLong(1, programId);
            statement.setDate(2, Date.valueOf(before));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                Date last = rs.getDate(1);
                return last == null ? Optional.empty() : Optional.of(last.toLocalDate());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the last review of program " + programId, e);
        }
    }

    private Optional<BoardPackRecord> one(String select, Object key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setObject(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BoardPackRecord(rs.getObject("pack_id", UUID.class), rs.getLong("program_id"),
                        BoardPackFormat.byName(rs.getString("format")).orElseThrow(), rs.getString("file_sha256"),
                        rs.getLong("byte_count"), rs.getDate("as_of").toLocalDate(), rs.getDate("since").toLocalDate(),
                        rs.getObject("generated_at", OffsetDateTime.class).toInstant(), rs.getString("generated_by"),
                        rs.getObject("checkpoint_id", Long.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read board packs", e);
        }
    }
}
