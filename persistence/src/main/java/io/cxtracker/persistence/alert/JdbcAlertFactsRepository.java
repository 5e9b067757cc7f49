package io.cxtracker.persistence.alert;

import io.cxtracker.domain.alert.AlertFactsRepository;
import io.cxtracker.domain.alert.Audience;
import io.cxtracker.domain.alert.CommitmentAlertFacts;
import io.cxtracker.domain.alert.MilestoneAlertFacts;
import io.cxtracker.domain.alert.RaciParties;
import io.cxtracker.domain.commitment.CommitmentState;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The alert rules' read model: one query answers every milestone of a program with its RACI and latest
 * check-in, one the target watchers, one the open commitments (benchmark: AlertRulesBenchmark).
 */
@ApplicationScoped
public class JdbcAlertFactsRepository implements AlertFactsRepository {
    private static final String MILESTONES = """
            SELECT m.id, m.title, od.code, ad.code, m.due_date, m.reported_status,
                   (m.last_check_in_at AT TIME ZONE 'UTC')::date, m.override_status,
                   coalesce(array_agg(rd.code ORDER BY rd.code) FILTER (WHERE r.role = 'RESPONSIBLE'), '{}'),
                   coalesce(array_agg(rd.code ORDER BY rd.code) FILTER (WHERE r.role = 'INFORMED'), '{}')
            FROM milestone m
            JOIN initiative i ON i.id = m.initiative_id
            JOIN department od ON od.id = m.owner_department_id
            JOIN department ad ON ad.id = i.accountable_department_id
            LEFT JOIN initiative_raci r ON r.initiative_id = i.id
            LEFT JOIN department rd ON rd.id = r.department_id
            WHERE i.program_id = ?
            GROUP BY m.id, od.code, ad.code
            ORDER BY m.id""";
    /** Accountable first, then Informed: the order the watchers are told in. */
    private static final String TARGET_WATCHERS = """
            SELECT mt.target_id, d.code, 0 AS rank
            FROM milestone_target mt JOIN milestone m ON m.id = mt.milestone_id
            JOIN initiative i ON i.id = m.initiative_id JOIN department d ON d.id = i.accountable_department_id
            WHERE i.program_id = ?
            UNION
            SELECT mt.target_id, d.code, 1 AS rank
            FROM milestone_target mt JOIN milestone m ON m.id = mt.milestone_id
            JOIN initiative i ON i.id = m.initiative_id
            JOIN initiative_raci r ON r.initiative_id = i.id AND r.role = 'INFORMED'
            JOIN department d ON d.id = r.department_id
            WHERE i.program_id = ?
            ORDER BY 1, 3, 2""";

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    /** For CDI. */
    public JdbcAlertFactsRepository() {
    }

    public JdbcAlertFactsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<MilestoneAlertFacts> milestones(long programId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(MILESTONES)) {
            select.setFetchSize(1000);
            select.setLong(1, programId);
            List<MilestoneAlertFacts> facts = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String reported = rs.getString(6);
                    Date lastCheckIn = rs.getDate(7);
                    String override = rs.getString(8);
                    facts.add(new MilestoneAlertFacts(rs.getLong(1), rs.getString(2), rs.getString(3),
                            new RaciParties(rs.getString(4), codes(rs.getArray(9)), codes(rs.getArray(10))),
                            rs.getDate(5).toLocalDate(), reported == null ? null : CheckInStatus.valueOf(reported),
                            lastCheckIn == null ? null : lastCheckIn.toLocalDate(),
                            override == null ? null : MilestoneStatus.valueOf(override)));
                }
            }
            return facts;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the milestones of program " + programId + " failed", e);
        }
    }

    @Override
    public List<CommitmentAlertFacts> openCommitments() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT c.id, c.title, d.code, c.due_date, c.state FROM commitment c
                        JOIN department d ON d.id = c.owner_department_id
                        WHERE c.state NOT IN ('DONE', 'DROPPED') ORDER BY c.id""");
                ResultSet rs = select.executeQuery()) {
            List<CommitmentAlertFacts> facts = new ArrayList<>();
            while (rs.next()) {
                facts.add(new CommitmentAlertFacts(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), CommitmentState.valueOf(rs.getString(5))));
            }
            return facts;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the open commitments failed", e);
        }
    }

    @Override
    public Map<Long, List<Audience>> targetWatchers(long programId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(TARGET_WATCHERS)) {
            select.setLong(1, programId);
            select.setLong(2, programId);
            Map<Long, Set<Audience>> watchers = new LinkedHashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    watchers.computeIfAbsent(rs.getLong(1), id -> new LinkedHashSet<>()).add(Audience.leadsOf(rs.getString(2)));
                }
            }
            Map<Long, List<Audience>> result = new LinkedHashMap<>();
            watchers.forEach((id, audiences) -> result.put(id, List.copyOf(audiences)));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the target watchers of program " + programId + " failed", e);
        }
    }

    @Override
    public int checkInsSince(long programId, Instant since) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT count(*) FROM check_in c JOIN milestone m ON m.id = c.milestone_id
                        JOIN initiative i ON i.id = m.initiative_id
                        WHERE i.program_id = ? AND c.checked_in_at >= ?""")) {
            select.setLong(1, programId);
            select.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the check-ins of program " + programId + " failed", e);
        }
    }

    @Override
    public Map<Long, String> watches() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT target_id, state FROM alert_target_watch");
                ResultSet rs = select.executeQuery()) {
            Map<Long, String> watches = new HashMap<>();
            while (rs.next()) {
                watches.put(rs.getLong(1), rs.getString(2));
            }
            return watches;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the target watches failed", e);
        }
    }

    @Override
    public void watch(Map<Long, String> seen, LocalDate on) {
        if (seen.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO alert_target_watch (target_id, state, observed_on) VALUES (?, ?, ?)
                        ON CONFLICT (target_id) DO UPDATE SET state = excluded.state, observed_on = excluded.observed_on""")) {
            for (Map.Entry<Long, String> entry : seen.entrySet()) {
                upsert.setLong(1, entry.getKey());
                upsert.setString(2, entry.getValue());
                upsert.setDate(3, Date.valueOf(on));
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("keeping the target watches failed", e);
        }
    }

    @Override
    public List<String> targetAlertsSince(LocalDate day) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT DISTINCT title FROM alert WHERE kind = 'TARGET_STATUS' AND created_at >= ? ORDER BY title""")) {
            select.setTimestamp(1, Timestamp.from(day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
            List<String> titles = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    titles.add(rs.getString(1));
                }
            }
            return titles;
        } catch (SQLException e) {
            throw new IllegalStateException("reading this week's target alerts failed", e);
        }
    }

    private static Set<String> codes(Array array) throws SQLException {
        return Set.of((String[]) array.getArray());
    }
}
