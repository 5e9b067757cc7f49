package io.cxtracker.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database stamps audit records and the plan's history on the app's one clock (V19): a local run that moves
 * the app's clock moves those stamps by the same amount, a real clock leaves them alone, and only the owner login
 * can move them.
 */
@ExtendWith(PostgresExtension.class)
class ClockShiftOverPostgresTest {

    @Test
    void aMovedClockMovesTheAuditStampsAndTheRealClockPutsThemBack(TestDatabase db) throws SQLException {
        Duration shift = Duration.ofHours(12).plusMinutes(9).plusMillis(250);
        try (Connection owner = db.connectAsOwner()) {
            SchemaMigrator.writeClockShift(owner, shift);
        }
        try (Connection app = db.connect()) {
            // the stamp minus the real instant around it: within a second of the shift (the insert takes < 1 s)
            double moved = seconds(app, "WITH a AS (INSERT INTO audit_record (actor, entity_type, entity_id, action) "
                    + "VALUES ('clock-test', 'test', '1', 'create') RETURNING at) SELECT extract(epoch FROM a.at - clock_timestamp()) FROM a");
            assertEquals(43_740.25, moved, 1.0);
            assertEquals(43_740.25, seconds(app, "SELECT extract(epoch FROM cx_now() - now())"), 1e-6);
            // the runtime login reads the shift but cannot set it
            SQLException refused = assertThrows(SQLException.class, () -> execute(app, "UPDATE clock_shift SET shift = INTERVAL '-10 days'"));
            assertEquals("42501", refused.getSQLState());
            assertThrows(SQLException.class, () -> execute(app, "INSERT INTO clock_shift (shift) VALUES (INTERVAL '1 day')"));
        } finally {
            try (Connection owner = db.connectAsOwner()) {
                SchemaMigrator.writeClockShift(owner, Duration.ZERO);
            }
        }
        try (Connection app = db.connect()) {
            assertEquals(0.0, seconds(app, "SELECT extract(epoch FROM cx_now() - now())"), 0.0);
            assertTrue(Math.abs(seconds(app, "WITH a AS (INSERT INTO audit_record (actor, entity_type, entity_id, action) "
                    + "VALUES ('clock-test', 'test', '2', 'create') RETURNING at) SELECT extract(epoch FROM a.at - clock_timestamp()) FROM a")) < 1.0);
        }
    }

    private static double seconds(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
