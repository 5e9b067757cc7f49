package io.cxtracker.persistence.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the database says about a demo loaded earlier, for topping it up: the day it was loaded (its plan
 * was generated as of that day) and the latest day that has demo data. Plain reads, no transaction needed.
 */
final class DemoHistory {
    /**
     * The audit trail's time of the program's creation, in UTC: the loader creates the program first, at the
     * real time, on the day whose date the plan was generated with.
     */
    private static final String LOADED_ON = """
            SELECT (min(at) AT TIME ZONE 'UTC')::date FROM audit_record
             WHERE entity_type = 'program' AND entity_id = ? AND action = 'create'""";
    /**
     * The demo's daily data carries idempotency keys starting "demo-" (DemoData): survey answers, and the
     * readings of the series sent as readings. The readings the survey answers were summed into need no look.
     */
    private static final String LATEST_DAY = """
            SELECT greatest((SELECT max(day) FROM survey_response WHERE idempotency_key LIKE 'demo-%'),
                            (SELECT max(day) FROM reading WHERE idempotency_key LIKE 'demo-%'))""";

    /**
     * The program a demo load created, by the load's request id ({@link DemoStartup#loadId}: profile, seed and the
     * app's day of the first load), which the audit trail keeps for good; the first such program if there were two.
     */
    private static final String LOADED_PROGRAM = """
            SELECT entity_id, request_id FROM audit_record
             WHERE entity_type = 'program' AND action = 'create' AND request_id LIKE ? ESCAPE '\\'
             ORDER BY seq LIMIT 1""";
    /** Programs loaded before loads carried their identity (request id "demo-load"), with their names. */
    private static final String LEGACY_PROGRAMS = """
            SELECT p.id, (r.at AT TIME ZONE 'UTC')::date, p.name FROM audit_record r JOIN program p ON p.id::text = r.entity_id
             WHERE r.entity_type = 'program' AND r.action = 'create' AND r.request_id = 'demo-load' ORDER BY r.seq""";

    /** A demo program found in the database and the day it was first loaded (its plan's day). */
    record Loaded(long programId, LocalDate firstLoad) {
    }

    /** A program of the old loads, and the day its creation was recorded. */
    record Legacy(long programId, LocalDate recordedOn, String name) {
    }

    private final DataSource dataSource;

    DemoHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The program loaded under the identity ({@code demo-load:<profile>:<seed>}), and its first-load day. */
    Optional<Loaded> loadedProgram(String identity) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(LOADED_PROGRAM)) {
            statement.setString(1, identity.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ":%");
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String requestId = rs.getString(2);
                return Optional.of(new Loaded(Long.parseLong(rs.getString(1)),
                        LocalDate.parse(requestId.substring(requestId.lastIndexOf(':') + 1))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the demo's history", e);
        }
    }

    /** The programs loaded before loads were recorded with their identity, oldest first. */
    java.util.List<Legacy> legacyPrograms() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(LEGACY_PROGRAMS);
             ResultSet rs = statement.executeQuery()) {
            java.util.List<Legacy> found = new java.util.ArrayList<>();
            while (rs.next()) {
                found.add(new Legacy(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3)));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the demo's history", e);
        }
    }

    /** The day the program with this id was created, if the audit trail has it. */
    Optional<LocalDate> loadedOn(long programId) {
        return day(LOADED_ON, String.valueOf(programId));
    }

    /** The latest day with demo data (survey answers or readings), if there is any. */
    Optional<LocalDate> latestDataDay() {
        return day(LATEST_DAY, null);
    }

    private Optional<LocalDate> day(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, LocalDate.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the demo's history", e);
        }
    }
}
