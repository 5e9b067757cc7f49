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

    private final DataSource dataSource;

    DemoHistory(DataSource dataSource) {
        this.dataSource = dataSource;
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
