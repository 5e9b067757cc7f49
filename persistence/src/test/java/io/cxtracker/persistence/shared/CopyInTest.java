package io.cxtracker.persistence.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * COPY of a batch's new rows: a batch whose probed keys are all new is copied without asking for the others; when
 * the copy then meets a stored key, every key is asked for and exactly the new ones go in.
 */
@ExtendWith(PostgresExtension.class)
class CopyInTest {

    /** The keys asked for, call by call. */
    private final List<List<String>> asked = new ArrayList<>();

    private final CopyIn.StoredKeys<String> stored = (connection, keys) -> {
        asked.add(List.copyOf(keys));
        boolean[] present = new boolean[keys.size()];
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM copy_probe WHERE k = ?")) {
            for (int i = 0; i < keys.size(); i++) {
                query.setString(1, keys.get(i));
                try (ResultSet rs = query.executeQuery()) {
                    present[i] = rs.next();
                }
            }
        }
        return present;
    };

    /** k-000 … k-099: zero-padded, so their order is their number's. */
    private static List<String> keys(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> String.format("k-%03d", i)).toList();
    }

    private static Connection table(TestDatabase db) throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE copy_probe (k text PRIMARY KEY)");
        }
        return c;
    }

    private Set<String> copy(Connection c, List<String> keys) throws SQLException {
        return CopyIn.newRows(c, keys, k -> k, stored, "copy_probe", "k", (k, rows) -> rows.text(k).endRow());
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM copy_probe")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void sixteenProbesSpreadOverTheBatchFirstAndLastAmongThem() {
        // index i × 99 / 15, rounded down, for i = 0 … 15
        assertEquals(List.of(0, 6, 13, 19, 26, 33, 39, 46, 52, 59, 66, 72, 79, 85, 92, 99),
                CopyIn.probes(IntStream.range(0, 100).boxed().toList()));
        assertEquals(List.of(0, 1, 2), CopyIn.probes(List.of(0, 1, 2)));
    }

    @Test
    void aBatchOfNewKeysIsCopiedAfterAskingForSixteenOfThem(TestDatabase db) throws Exception {
        try (Connection c = table(db)) {
            assertEquals(new TreeSet<>(keys(0, 100)), new TreeSet<>(copy(c, keys(0, 100))));
            assertEquals(List.of(CopyIn.probes(keys(0, 100))), asked);
            assertEquals(100, count(c));
            c.rollback();
        }
    }

    @Test
    void aStoredKeyTheProbesMissedUndoesTheCopyAndOnlyTheNewKeysGoIn(TestDatabase db) throws Exception {
        // k-045 is no probe (they are 0, 6, …, 39, 46, …): the copy of all 100 meets it and is undone
        onlyTheNewKeysGoInBeside("k-045", db);
    }

    @Test
    void aBatchWhoseProbeMeetsAStoredKeyAsksForEveryKeyBeforeCopying(TestDatabase db) throws Exception {
        // k-046 is a probe: the batch is not copied before every key was asked for
        onlyTheNewKeysGoInBeside("k-046", db);
    }

    /** With {@code stored} stored, a batch of k-000…k-099 asks for its probes, then for every key; 99 keys go in. */
    private void onlyTheNewKeysGoInBeside(String stored, TestDatabase db) throws Exception {
        try (Connection c = table(db)) {
            copy(c, List.of(stored));
            asked.clear();
            Set<String> copied = copy(c, keys(0, 100));
            assertEquals(99, copied.size());
            assertFalse(copied.contains(stored));
            assertEquals(List.of(CopyIn.probes(keys(0, 100)), keys(0, 100)), asked);
            assertEquals(100, count(c));
            c.rollback();
        }
    }

    @Test
    void aSmallBatchAsksForAllItsKeysAtOnceAndARepeatedKeyGoesInOnce(TestDatabase db) throws Exception {
        try (Connection c = table(db)) {
            assertEquals(Set.of("k-000", "k-001"), copy(c, List.of("k-000", "k-001", "k-001")));
            assertEquals(List.of(List.of("k-000", "k-001")), asked);
            asked.clear();
            assertEquals(Set.of(), copy(c, List.of("k-000", "k-001")));
            assertEquals(2, count(c));
            c.rollback();
        }
    }

    @Test
    void aRepeatedKeyInALargeBatchIsCopiedOnce(TestDatabase db) throws Exception {
        try (Connection c = table(db)) {
            List<String> twice = new ArrayList<>(keys(0, 100));
            twice.add(50, "k-050");
            assertEquals(100, copy(c, twice).size());
            assertEquals(100, count(c));
            c.rollback();
        }
    }
}
