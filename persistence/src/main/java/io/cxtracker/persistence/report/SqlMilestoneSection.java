package io.cxtracker.persistence.report;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.MilestoneStatusDerivation;
import io.cxtracker.domain.milestone.StatusOverride;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.report.MilestoneLine;
import io.cxtracker.domain.report.ReportDepartment;
import io.cxtracker.domain.report.ReportPeriod;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The accountability report's milestones section: one SQL read per chunk of a department's milestones
 * (keyset-paged by due date and id, so memory stays flat however many there are), each milestone read
 * <em>as of the period's as-of day</em> — its latest check-in then, the override in force then — and
 * its status evaluated by {@link ProgressService#statusesAsOf} (the same rules and target evaluation as
 * the dashboards), so a report on a past quarter shows what stood at its end.
 *
 * <p>Which milestones: those due in the period, those done in it, and those due before it and still not
 * done at its as-of day (overdue, or missed). The done day is the day of the first check-in of the
 * final run of DONE check-ins; for a milestone whose targets decide and who has no such check-in, the
 * day its targets were judged achieved (its due date, or the as-of day when that comes first); for an
 * override to DONE or ACHIEVED, the day of the override. Overrides cleared before the as-of day are not
 * shown here: the changes section lists them from the audit trail.
 */
@ApplicationScoped
public class SqlMilestoneSection {
    static final int CHUNK = 200;
    private static final LocalDate BEFORE_ALL = LocalDate.of(1, 1, 1);
    private static final Set<MilestoneStatus> FINISHED = Set.of(MilestoneStatus.DONE, MilestoneStatus.ACHIEVED);

    private static final String SELECT = """
            SELECT m.id, m.title, i.id AS initiative_id, i.title AS initiative_title, i.pillar, p.number AS phase_number,
                   p.name AS phase_name, d.code, m.owner_person, m.due_date, m.weight,
                   (SELECT c.status FROM check_in c WHERE c.milestone_id = m.id AND c.checked_in_at < ?
                     ORDER BY c.sequence DESC LIMIT 1) AS reported_status,
                   (SELECT min(c.checked_in_at) FROM check_in c WHERE c.milestone_id = m.id AND c.checked_in_at < ?
                       AND c.status = 'DONE'
                       AND c.sequence > coalesce((SELECT max(n.sequence) FROM check_in n WHERE n.milestone_id = m.id
                                                    AND n.checked_in_at < ? AND n.status <> 'DONE'), 0)) AS done_at,
                   m.override_status, m.override_reason, m.override_by, m.override_at,
                   ARRAY(SELECT ev.url FROM (
                           SELECT e.url, 0 AS k1, 0 AS k2, e.position AS k3 FROM milestone_evidence e WHERE e.milestone_id = m.id
                           UNION ALL
                           SELECT ce.url, 1, c.sequence, ce.position FROM check_in c
                             JOIN check_in_evidence ce ON ce.check_in_id = c.id
                            WHERE c.milestone_id = m.id AND c.checked_in_at < ?) ev
                         ORDER BY ev.k1, ev.k2, ev.k3) AS evidence,
                   ARRAY(SELECT mt.target_id FROM milestone_target mt WHERE mt.milestone_id = m.id ORDER BY mt.target_id)
                     AS target_ids
              FROM milestone m
              JOIN department d ON d.id = m.owner_department_id
              JOIN initiative i ON i.id = m.initiative_id
              JOIN phase p ON p.id = i.phase_id
             WHERE d.code = ?
               AND (m.due_date <= ? OR EXISTS (SELECT 1 FROM check_in c WHERE c.milestone_id = m.id AND c.status = 'DONE'
                                                 AND c.checked_in_at >= ? AND c.checked_in_at < ?))
               AND (m.due_date, m.id) > (?, ?)
             ORDER BY m.due_date, m.id
             LIMIT ?""";

    /** The reporting datasource: a read replica when CX_DB_REPORT_URL names one, else the primary (README "Scaling out"). */
    @Resource(lookup = "java:jboss/datasources/CxReportDS")
    DataSource dataSource;

    @Inject
    ProgressService progress;

    /** For CDI. */
    public SqlMilestoneSection() {
    }

    /** For tests. */
    public SqlMilestoneSection(DataSource dataSource, ProgressService progress) {
        this.dataSource = dataSource;
        this.progress = progress;
    }

    public void milestones(ReportDepartment department, ReportPeriod period, Consumer<MilestoneLine> each) {
        if (department.isProgramWide()) {
            return;
        }
        LocalDate lastDue = BEFORE_ALL;
        long lastId = -1;
        while (true) {
            List<Row> chunk = read(department.code(), period, lastDue, lastId);
            if (chunk.isEmpty()) {
                return;
            }
            List<MilestoneStatusView> views = progress.statusesAsOf(chunk.stream().map(Row::facts).toList(), period.asOf());
            for (int i = 0; i < chunk.size(); i++) {
                line(chunk.get(i), views.get(i), period).ifPresent(each);
            }
            Row last = chunk.getLast();
            lastDue = last.facts().due();
            lastId = last.facts().id();
            if (chunk.size() < CHUNK) {
                return;
            }
        }
    }

    private static Optional<MilestoneLine> line(Row row, MilestoneStatusView view, ReportPeriod period) {
        MilestoneFacts facts = row.facts();
        LocalDate done = null;
        if (FINISHED.contains(view.status())) {
            if (row.checkInDone() != null) {
                done = row.checkInDone();
            } else if (facts.override() != null) {
                done = facts.override().at().atZone(ZoneOffset.UTC).toLocalDate();
            } else {
                done = MilestoneStatusDerivation.targetsEvaluatedAsOf(facts.due(), period.asOf());
            }
        }
        boolean relevant = period.contains(facts.due()) || period.contains(done)
                || (facts.due().isBefore(period.from()) && done == null);
        if (!relevant) {
            return Optional.empty();
        }
        StatusOverride override = facts.override();
        return Optional.of(MilestoneLine.of(facts.id(), facts.title(), facts.initiativeTitle(),
                facts.ownerDepartment(), row.ownerPerson(), facts.due(), done, view.status().name(),
                override == null ? null : override.by(), override == null ? null : override.reason(), row.evidence(),
                period));
    }

    private List<Row> read(String code, ReportPeriod period, LocalDate afterDue, long afterId) {
        OffsetDateTime asOfEnd = period.asOf().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime start = period.start().atOffset(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SELECT)) {
            int p = 1;
            statement.setObject(p++, asOfEnd);
            statement.setObject(p++, asOfEnd);
            statement.setObject(p++, asOfEnd);
            statement.setObject(p++, asOfEnd);
            statement.setString(p++, code);
            statement.setObject(p++, period.to());
            statement.setObject(p++, start);
            statement.setObject(p++, asOfEnd);
            statement.setObject(p++, afterDue);
            statement.setLong(p++, afterId);
            statement.setInt(p, CHUNK);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, asOfEnd));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the milestones of " + code, e);
        }
    }

    private static Row row(ResultSet rs, OffsetDateTime asOfEnd) throws SQLException {
        OffsetDateTime overrideAt = rs.getObject("override_at", OffsetDateTime.class);
        StatusOverride override = overrideAt == null || !overrideAt.isBefore(asOfEnd) ? null
                : new StatusOverride(MilestoneStatus.valueOf(rs.getString("override_status")), rs.getString("override_reason"),
                        rs.getString("override_by"), overrideAt.toInstant());
        String reported = rs.getString("reported_status");
        double weight = rs.getDouble("weight");
        Double maybeWeight = rs.wasNull() ? null : weight;
        List<Long> targetIds = new ArrayList<>();
        for (Object id : (Object[]) array(rs.getArray("target_ids"))) {
            targetIds.add(((Number) id).longValue());
        }
        Set<String> evidence = new LinkedHashSet<>();
        for (Object url : (Object[]) array(rs.getArray("evidence"))) {
            evidence.add((String) url);
        }
        OffsetDateTime doneAt = rs.getObject("done_at", OffsetDateTime.class);
        MilestoneFacts facts = new MilestoneFacts(rs.getLong("id"), rs.getString("title"), rs.getLong("initiative_id"),
                rs.getString("initiative_title"), Pillar.valueOf(rs.getString("pillar")), rs.getInt("phase_number"),
                rs.getString("phase_name"), rs.getString("code"), rs.getObject("due_date", LocalDate.class), maybeWeight,
                reported == null ? null : CheckInStatus.valueOf(reported), override, targetIds);
        return new Row(facts, rs.getString("owner_person"),
                doneAt == null ? null : doneAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate(), List.copyOf(evidence));
    }

    private static Object array(Array array) throws SQLException {
        return array == null ? new Object[0] : array.getArray();
    }

    private record Row(MilestoneFacts facts, String ownerPerson, LocalDate checkInDone, List<String> evidence) {
    }
}
