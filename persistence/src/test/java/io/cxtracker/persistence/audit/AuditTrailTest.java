package io.cxtracker.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditQuery;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.ChainVerification;
import io.cxtracker.domain.audit.EntityState;
import io.cxtracker.domain.audit.StateAsOf;
import io.cxtracker.domain.report.Sha256;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail against real PostgreSQL: the trigger chains records, the table refuses changes, a
 * superuser's edit is found by verification, and concurrent writers still form one chain. Every test
 * uses its own entity ids and actors; the chain is shared, and tests that break it mend it again.
 */
@ExtendWith(PostgresExtension.class)
class AuditTrailTest {
    private static final String GENESIS = "0".repeat(64);

    @Test
    void recordsAreChainedAndTheirHashIsTheDocumentedOne(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        String id = Fixtures.unique("m");
        List<AuditRecord> records = tx.inTransaction(() -> List.of(
                trail.record(AuditEntry.of("milestone", id, AuditEntry.CREATE).by("alice").department("support")
                        .requestId("req-1").set("title", "Publish the NPS baseline").set("status", "NOT_STARTED").build()),
                trail.record(AuditEntry.of("milestone", id, "check-in").by("alice").department("support").requestId("req-2")
                        .change("status", "NOT_STARTED", "IN_PROGRESS").change("note", null, "quote \" and \\ back").build()),
                trail.record(AuditEntry.of("milestone", id, AuditEntry.DELETE).by("bob").build())));

        assertEquals(records.get(0).hash(), records.get(1).prevHash());
        assertEquals(records.get(1).hash(), records.get(2).prevHash());
        assertTrue(records.get(0).seq() < records.get(1).seq() && records.get(1).seq() < records.get(2).seq());
        assertFalse(records.get(1).at().isBefore(records.get(0).at()));
        for (AuditRecord record : records) {
            assertEquals(Sha256.of(canonicalText(record).getBytes(StandardCharsets.UTF_8)), record.hash(),
                    "record " + record.seq() + " hashes to the documented canonical text");
        }
        assertEquals("IN_PROGRESS", records.get(1).newValues().get("status"));
        assertNull(records.get(1).oldValues().get("note"));
        assertTrue(records.get(1).oldValues().containsKey("note"));
        assertTrue(new JdbcAuditRecordRepository(tx).verifyChain().intact());
    }

    @Test
    void theFirstRecordOfAnEmptyChainStartsFromTheGenesisValue(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT prev_hash FROM audit_record ORDER BY seq LIMIT 1");
            if (rs.next()) {
                assertEquals(GENESIS, rs.getString(1));
            }
        }
    }

    @Test
    void aWriteThatRollsBackLeavesNoRecordAndNoGapInTheChain(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        JdbcAuditRecordRepository repository = new JdbcAuditRecordRepository(tx);
        String id = Fixtures.unique("rolled-back");
        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            trail.record(AuditEntry.of("milestone", id, AuditEntry.CREATE).by("alice").set("title", "t").build());
            throw new IllegalStateException("the write fails after its audit record");
        }));
        assertEquals(0, repository.find(AuditQuery.entity("milestone", id), PageRequest.first(10)).total());
        AuditRecord next = tx.inTransaction(() -> trail.record(
                AuditEntry.of("milestone", id, AuditEntry.CREATE).by("alice").set("title", "t").build()));
        assertEquals(1, db.number("SELECT count(*) FROM audit_record WHERE hash = '" + next.prevHash() + "' AND seq = (SELECT max(seq)"
                + " FROM audit_record WHERE seq < " + next.seq() + ")"));
        assertTrue(repository.verifyChain().intact());
    }

    @Test
    void updateDeleteAndTruncateAreRefused(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        String id = Fixtures.unique("locked");
        AuditRecord record = tx.inTransaction(() -> new JdbcAuditTrail(tx).record(
                AuditEntry.of("milestone", id, AuditEntry.CREATE).by("alice").set("title", "t").build()));
        for (String sql : List.of("UPDATE audit_record SET actor = 'mallory' WHERE seq = " + record.seq(),
                "DELETE FROM audit_record WHERE seq = " + record.seq(), "TRUNCATE audit_record",
                "TRUNCATE report_digest")) {
            SQLException refused = assertThrows(SQLException.class, () -> db.executeAsOwner(sql), sql);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        assertEquals(1, db.number("SELECT count(*) FROM audit_record WHERE seq = " + record.seq() + " AND actor = 'alice'"));
    }

    @Test
    void aRecordAlteredByASuperuserIsTheBrokenLinkVerificationReports(TestDatabase db) throws SQLException {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        JdbcAuditRecordRepository repository = new JdbcAuditRecordRepository(tx);
        String id = Fixtures.unique("tampered");
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            records.add(tx.inTransaction(() -> trail.record(AuditEntry.of("milestone", id, AuditEntry.UPDATE).by("alice")
                    .change("progress", n * 10, n * 10 + 10).build())));
        }
        long victim = records.get(1).seq();
        assertTrue(repository.verifyChain().intact());
        try (Connection superuser = db.connectAsAdmin(); Statement s = superuser.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("UPDATE audit_record SET new_value = '{\"progress\": \"100\"}' WHERE seq = " + victim);
            try {
                ChainVerification altered = repository.verifyChain();
                assertFalse(altered.intact());
                assertEquals(victim, altered.brokenSeq());
                assertTrue(altered.reason().contains("altered"), altered.reason());
            } finally {
                s.execute("UPDATE audit_record SET new_value = '{\"progress\": \"20\"}' WHERE seq = " + victim);
            }
            assertTrue(repository.verifyChain().intact(), "mended");

            s.execute("CREATE TEMP TABLE removed AS SELECT * FROM audit_record WHERE seq = " + victim);
            s.execute("DELETE FROM audit_record WHERE seq = " + victim);
            try {
                ChainVerification removed = repository.verifyChain();
                assertEquals(records.get(2).seq(), removed.brokenSeq());
                assertTrue(removed.reason().contains("prev_hash"), removed.reason());
            } finally {
                s.execute("INSERT INTO audit_record SELECT * FROM removed");
                s.execute("RESET session_replication_role");
            }
        }
        ChainVerification mended = repository.verifyChain();
        assertTrue(mended.intact(), String.valueOf(mended));
        assertNull(mended.brokenSeq());
    }

    @Test
    void concurrentWritersFormOneValidChain(TestDatabase db) throws Exception {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        String prefix = Fixtures.unique("concurrent");
        int threads = 6;
        int transactionsPerThread = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<AuditRecord>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String entityId = prefix + "-" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<AuditRecord> mine = new ArrayList<>();
                    for (int i = 0; i < transactionsPerThread; i++) {
                        int n = i;
                        // every third transaction writes two records, as a service that changes two things would
                        mine.addAll(tx.inTransaction(() -> {
                            List<AuditRecord> written = new ArrayList<>();
                            written.add(trail.record(AuditEntry.of("milestone", entityId, AuditEntry.UPDATE).by("t")
                                    .change("progress", n, n + 1).build()));
                            if (n % 3 == 0) {
                                written.add(trail.record(AuditEntry.of("check-in", entityId + "-" + n, AuditEntry.CREATE)
                                        .by("t").set("progress", n + 1).build()));
                            }
                            return written;
                        }));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<AuditRecord> all = new ArrayList<>();
            for (Future<List<AuditRecord>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }
            assertEquals(threads * (transactionsPerThread + 5), all.size());
            Set<Long> seqs = new HashSet<>();
            Set<String> prevHashes = new HashSet<>();
            all.forEach(r -> {
                seqs.add(r.seq());
                prevHashes.add(r.prevHash());
            });
            assertEquals(all.size(), seqs.size(), "every record has its own place in the chain");
            assertEquals(all.size(), prevHashes.size(), "no two records claim the same predecessor: the chain did not fork");
            all.sort(Comparator.comparingLong(AuditRecord::seq));
            for (int i = 1; i < all.size(); i++) {
                assertFalse(all.get(i).at().isBefore(all.get(i - 1).at()), "time follows the chain");
            }
            ChainVerification verification = new JdbcAuditRecordRepository(tx).verifyChain();
            assertTrue(verification.intact(), String.valueOf(verification));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void queriesFilterPageAndSort(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        JdbcAuditRecordRepository repository = new JdbcAuditRecordRepository(tx);
        String actor = Fixtures.unique("dana");
        String department = Fixtures.unique("billing");
        String id = Fixtures.unique("m");
        Instant before = databaseNow(db);
        tx.run(() -> {
            for (int i = 0; i < 7; i++) {
                trail.record(AuditEntry.of("milestone", i < 5 ? id : id + "-other", AuditEntry.UPDATE).by(actor)
                        .department(i % 2 == 0 ? department : null).change("progress", i, i + 1).build());
            }
        });
        Page<AuditRecord> page = repository.find(new AuditQuery("milestone", id, null, null, null, null),
                new PageRequest(1, 2, null, true));
        assertEquals(5, page.total());
        assertEquals(List.of("1", "2"), page.items().stream().map(r -> r.oldValues().get("progress")).toList());

        Page<AuditRecord> newestFirst = repository.find(new AuditQuery(null, null, actor, null, before, null),
                new PageRequest(0, 3, "at", false));
        assertEquals(7, newestFirst.total());
        assertEquals("6", newestFirst.items().get(0).oldValues().get("progress"));

        assertEquals(4, repository.find(new AuditQuery(null, null, actor, department, null, null), PageRequest.first(50)).total());
        assertEquals(0, repository.find(new AuditQuery(null, null, actor, null, null, before), PageRequest.first(50)).total());
        assertThrows(InvalidInputException.class, () -> repository.find(AuditQuery.all(), new PageRequest(0, 5, "actor", true)));
    }

    @Test
    void theStateAsOfAnInstantComesFromTheStoredHistory(TestDatabase db) throws InterruptedException {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        JdbcAuditRecordRepository repository = new JdbcAuditRecordRepository(tx);
        String id = Fixtures.unique("m");
        AuditRecord created = tx.inTransaction(() -> trail.record(AuditEntry.of("milestone", id, AuditEntry.CREATE).by("alice")
                .set("title", "Baseline").set("status", "NOT_STARTED").build()));
        Thread.sleep(5);
        AuditRecord checkedIn = tx.inTransaction(() -> trail.record(AuditEntry.of("milestone", id, "check-in").by("bob")
                .change("status", "NOT_STARTED", "DONE").build()));

        StateAsOf atCreation = new StateAsOf("milestone", id, created.at());
        tx.run(() -> repository.history("milestone", id, created.at(), atCreation));
        EntityState first = atCreation.result().orElseThrow();
        assertEquals(Map.of("title", "Baseline", "status", "NOT_STARTED"), first.fields());

        StateAsOf now = new StateAsOf("milestone", id, checkedIn.at());
        tx.run(() -> repository.history("milestone", id, checkedIn.at(), now));
        assertEquals(Map.of("title", "Baseline", "status", "DONE"), now.result().orElseThrow().fields());
        assertEquals("bob", now.result().orElseThrow().lastChangedBy());
        assertEquals(List.of(), now.result().orElseThrow().inconsistencies());
    }

    /**
     * The canonical text of V9__audit.sql written again in Java, so the hash definition is checked
     * independently of the database: a jsonb array, keys of objects ordered by length then bytes.
     */
    static String canonicalText(AuditRecord r) {
        String at = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC).format(r.at());
        return "[" + r.seq() + ", " + String.join(", ", json(at), json(r.actor()), json(r.entityType()), json(r.entityId()),
                json(r.department()), json(r.action()), object(r.oldValues()), object(r.newValues()), json(r.requestId()),
                json(r.prevHash())) + "]";
    }

    private static String object(Map<String, String> values) {
        List<String> keys = new ArrayList<>(values.keySet());
        Collections.sort(keys, Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        List<String> members = keys.stream().map(k -> json(k) + ": " + json(values.get(k))).toList();
        return "{" + String.join(", ", members) + "}";
    }

    private static String json(String text) {
        if (text == null) {
            return "null";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static Instant databaseNow(TestDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
