package io.cxtracker.persistence.report;

import io.cxtracker.domain.report.ReportDigest;
import io.cxtracker.domain.report.ReportDigestRepository;
import io.cxtracker.domain.report.ReportFormat;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The digests of produced reports, in the append-only report_digest table. */
@ApplicationScoped
public class JdbcReportDigestRepository implements ReportDigestRepository {
    private static final String COLUMNS = "report_id, format, file_sha256, embedded_sha256, byte_count, generated_at, "
            + "generated_by, department_code, period_from, period_to, as_of, checkpoint_id";

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    /** For CDI. */
    public JdbcReportDigestRepository() {
    }

    public JdbcReportDigestRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void add(ReportDigest d) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO report_digest (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, d.reportId());
            insert.setString(2, d.format().extension());
            insert.setString(3, d.fileSha256());
            insert.setString(4, d.embeddedSha256());
            insert.setLong(5, d.bytes());
            insert.setObject(6, d.generatedAt().atOffset(ZoneOffset.UTC));
            insert.setString(7, d.generatedBy());
            insert.setString(8, d.department());
            insert.setDate(9, Date.valueOf(d.from()));
            insert.setDate(10, Date.valueOf(d.to()));
            insert.setDate(11, Date.valueOf(d.asOf()));
            insert.setObject(12, d.checkpointId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the digest of report " + d.reportId(), e);
        }
    }

    @Override
    public Optional<ReportDigest> findByFileSha256(String sha256) {
        return one("SELECT " + COLUMNS + " FROM report_digest WHERE file_sha256 = ? ORDER BY generated_at, report_id LIMIT 1", sha256);
    }

    @Override
    public Optional<ReportDigest> find(UUID reportId) {
        return one("SELECT " + COLUMNS + " FROM report_digest WHERE report_id = ?", reportId);
    }

    private Optional<ReportDigest> one(String select, Object key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setObject(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReportDigest(rs.getObject("report_id", UUID.class),
                        ReportFormat.byName(rs.getString("format")).orElseThrow(), rs.getString("file_sha256"),
                        rs.getString("embedded_sha256"), rs.getLong("byte_count"),
                        rs.getObject("generated_at", OffsetDateTime.class).toInstant(),
                        rs.getString("generated_by"), rs.getString("department_code"), rs.getDate("period_from").toLocalDate(),
                        rs.getDate("period_to").toLocalDate(), rs.getDate("as_of").toLocalDate(),
                        rs.getObject("checkpoint_id", Long.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read report digests", e);
        }
    }
}
