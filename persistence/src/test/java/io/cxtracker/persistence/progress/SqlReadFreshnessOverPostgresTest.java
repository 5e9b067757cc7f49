package io.cxtracker.persistence.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.progress.ReadFreshness.Check;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The read cache's validation statement (V23, {@link SqlReadFreshness}) over a real PostgreSQL, as the runtime login:
 * a reader's snapshot S0, then other connections write, commit or roll back, and a later reader asks whether S0 is
 * still good. {@code department} stands for every watched table (the same trigger on each); {@code
 * alert_preference} is read by no dashboard.
 */
@ExtendWith(PostgresExtension.class)
class SqlReadFreshnessOverPostgresTest {

    /** A reader's snapshot, taken as the cache takes it: first statement of its transaction, then committed. */
    private static String snapshot(TestDatabase db) throws SQLException {
        try (Connection reader = db.connect()) {
            reader.setAutoCommit(false);
            Check check = SqlReadFreshness.check(reader, null);
            reader.commit();
            assertNotNull(check.snapshot());
            assertFalse(check.unchangedSince(), "without a snapshot to compare with, nothing is unchanged");
            return check.snapshot();
        }
    }

    /** Whether a new reader may be served what was computed at {@code s0}. */
    private static boolean unchangedSince(TestDatabase db, String s0) throws SQLException {
        try (Connection reader = db.connect()) {
            reader.setAutoCommit(false);
            Check check = SqlReadFreshness.check(reader, s0);
            reader.commit();
            assertNotNull(check.snapshot());
            return check.unchangedSince();
        }
    }

    private static void addDepartment(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO department (code, name) VALUES ('rf-" + UUID.randomUUID().toString().substring(0, 8)
                    + "', 'Read freshness')");
        }
    }

    @Test
    void nothingWrittenSinceTheSnapshotLeavesItGood(TestDatabase db) throws SQLException {
        String s0 = snapshot(db);
        assertTrue(unchangedSince(db, s0));
        assertTrue(unchangedSince(db, s0), "asking writes nothing");
    }

    @Test
    void aCommittedWriteToAWatchedTableMakesItStale(TestDatabase db) throws SQLException {
        String s0 = snapshot(db);
        try (Connection writer = db.connect()) {
            addDepartment(writer);
        }
        assertFalse(unchangedSince(db, s0));
        assertTrue(unchangedSince(db, snapshot(db)), "a snapshot taken after the write is good");
    }

    @Test
    void aRolledBackWriteChangesNothing(TestDatabase db) throws SQLException {
        String s0 = snapshot(db);
        try (Connection writer = db.connect()) {
            writer.setAutoCommit(false);
            addDepartment(writer);
            writer.rollback();
        }
        assertTrue(unchangedSince(db, s0));
    }

    @Test
    void aTransactionRunningAtTheSnapshotThatCommitsLaterMakesItStale(TestDatabase db) throws SQLException {
        try (Connection writer = db.connect()) {
            writer.setAutoCommit(false);
            addDepartment(writer);
            // the writer is running (its id is in S0's list of running transactions)
            String s0 = snapshot(db);
            assertTrue(unchangedSince(db, s0), "not committed yet: no reader sees it");
            writer.commit();
            assertFalse(unchangedSince(db, s0), "committed after S0: a reader now sees what S0 did not");
        }
    }

    @Test
    void aWriteToATableNoDashboardReadsChangesNothing(TestDatabase db) throws SQLException {
        String s0 = snapshot(db);
        try (Connection writer = db.connect(); Statement s = writer.createStatement()) {
            s.executeUpdate("INSERT INTO alert_preference (user_name, kind, channel, frequency) VALUES ('rf-"
                    + UUID.randomUUID() + "', 'AT_RISK', 'EMAIL', 'DAILY')");
        }
        assertTrue(unchangedSince(db, s0));
    }

    @Test
    void aTransactionThatHasWrittenGetsNoSnapshotToKeep(TestDatabase db) throws SQLException {
        String s0 = snapshot(db);
        try (Connection writer = db.connect()) {
            writer.setAutoCommit(false);
            addDepartment(writer);
            Check check = SqlReadFreshness.check(writer, s0);
            assertNull(check.snapshot());
            assertFalse(check.unchangedSince(), "its reads see its own uncommitted write");
            writer.rollback();
        }
    }

    @Test
    void aStatementOfManyRowsAndATransactionOfManyStatementsAreOneRecord(TestDatabase db) throws SQLException {
        try (Connection writer = db.connect()) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                String tag = UUID.randomUUID().toString().substring(0, 8);
                s.executeUpdate("INSERT INTO department (code, name) SELECT 'rf-" + tag + "-' || n, 'many' FROM generate_series(1, 50) n");
                s.executeUpdate("INSERT INTO department (code, name) SELECT 'rf-" + tag + "-x' || n, 'more' FROM generate_series(1, 5) n");
                addDepartment(writer);
            }
            try (Statement s = writer.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM data_change WHERE txid = pg_current_xact_id()")) {
                rs.next();
                assertEquals(1, rs.getLong(1));
            }
            writer.commit();
        }
    }

    @Test
    void aSnapshotOlderThanTheHorizonIsStaleAndTheCleanupKeepsWhatNewerSnapshotsNeed(TestDatabase db) throws SQLException {
        String s0 = snapshot(db);
        try (Connection writer = db.connect()) {
            addDepartment(writer);
        }
        String s1 = snapshot(db);
        assertTrue(unchangedSince(db, s1));
        try (Connection runtime = db.connect()) {
            long removed = SqlReadFreshness.removeSettled(runtime);
            assertTrue(removed >= 0);
            try (Statement s = runtime.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT (SELECT count(*) FROM data_change WHERE txid < (SELECT horizon FROM data_change_horizon)),
                           (SELECT count(*) FROM data_change_horizon)""")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "nothing is kept below the horizon");
                assertEquals(1, rs.getLong(2));
            }
        }
        // a snapshot taken after the cleanup is good (its xmin is at or above the horizon) until something changes
        String s2 = snapshot(db);
        assertTrue(unchangedSince(db, s2));
        // S0's changes may have been removed: once the horizon is above its xmin it can no longer be judged. The
        // cleanup only moves the horizon to the oldest transaction still running anywhere on the server (other tests'
        // databases included), which may be S0's xmin itself: here the horizon is put just above it by hand, and put
        // back after (no row was removed in between), so that later snapshots are judged as the cleanup left them
        try (Connection owner = db.connectAsOwner(); Statement s = owner.createStatement()) {
            String horizon;
            try (ResultSet rs = s.executeQuery("SELECT horizon::text FROM data_change_horizon")) {
                rs.next();
                horizon = rs.getString(1);
            }
            try (PreparedStatement raise = owner.prepareStatement("""
                    UPDATE data_change_horizon
                       SET horizon = GREATEST(horizon, (pg_snapshot_xmin(?::pg_snapshot)::text::bigint + 1)::text::xid8)""")) {
                raise.setString(1, s0);
                raise.executeUpdate();
            }
            try {
                assertFalse(unchangedSince(db, s0));
            } finally {
                try (PreparedStatement back = owner.prepareStatement("UPDATE data_change_horizon SET horizon = ?::xid8")) {
                    back.setString(1, horizon);
                    back.executeUpdate();
                }
            }
        }
    }
}
