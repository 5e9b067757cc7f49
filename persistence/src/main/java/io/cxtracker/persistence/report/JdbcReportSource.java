package io.cxtracker.persistence.report;

import io.cxtracker.domain.report.ChangeLine;
import io.cxtracker.domain.report.MilestoneLine;
import io.cxtracker.domain.report.ReportDepartment;
import io.cxtracker.domain.report.ReportPeriod;
import io.cxtracker.domain.report.ReportSource;
import io.cxtracker.domain.report.TargetLine;
import io.cxtracker.persistence.audit.AuditRows;
import io.cxtracker.persistence.audit.JdbcAuditRecordRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The accountability report's read model: departments and changes straight from their tables; the
 * milestones and targets sections from {@link SqlMilestoneSection} and {@link SqlTargetSection}, which it
 * requires (a deployment or a test without them fails at once instead of reporting empty sections).
 */
@ApplicationScoped
public class JdbcReportSource implements ReportSource {
    private static final String CHANGES = "SELECT " + AuditRows.COLUMNS + " FROM " + AuditRows.FROM
            + " WHERE r.department_code = ? AND r.at >= ? AND r.at < ? ORDER BY r.seq";
    private static final String PROGRAM_WIDE_CHANGES = "SELECT " + AuditRows.COLUMNS + " FROM " + AuditRows.FROM
            + " WHERE r.department_code IS NULL AND r.at >= ? AND r.at < ? ORDER BY r.seq";

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    @Inject
    SqlMilestoneSection milestoneSection;

    @Inject
    SqlTargetSection targetSection;

    /** For CDI. */
    public JdbcReportSource() {
    }

    /** For tests; both sections are required. */
    public JdbcReportSource(DataSource dataSource, SqlMilestoneSection milestones, SqlTargetSection targets) {
        this.dataSource = dataSource;
        this.milestoneSection = Objects.requireNonNull(milestones, "the milestones section");
        this.targetSection = Objects.requireNonNull(targets, "the targets section");
    }

    @Override
    public List<ReportDepartment> departments(String departmentCode) {
        String select = "SELECT code, name FROM department" + (departmentCode == null ? "" : " WHERE code = ?") + " ORDER BY code";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(select)) {
            if (departmentCode != null) {
                statement.setString(1, departmentCode);
            }
            List<ReportDepartment> departments = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    departments.add(new ReportDepartment(rs.getString("code"), rs.getString("name")));
                }
            }
            return departments;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the departments", e);
        }
    }

    @Override
    public void milestones(ReportDepartment department, ReportPeriod period, Consumer<MilestoneLine> each) {
        milestoneSection.milestones(department, period, each);
    }

    @Override
    public void targets(ReportDepartment department, ReportPeriod period, Consumer<TargetLine> each) {
        targetSection.targets(department, period, each);
    }

    @Override
    public void changes(ReportDepartment department, ReportPeriod period, Consumer<ChangeLine> each) {
        OffsetDateTime start = utc(period.start());
        OffsetDateTime end = utc(period.end());
        if (department.isProgramWide()) {
            JdbcAuditRecordRepository.stream(dataSource, PROGRAM_WIDE_CHANGES, List.of(start, end), r -> each.accept(ChangeLine.of(r)));
        } else {
            JdbcAuditRecordRepository.stream(dataSource, CHANGES, List.of(department.code(), start, end),
                    r -> each.accept(ChangeLine.of(r)));
        }
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
