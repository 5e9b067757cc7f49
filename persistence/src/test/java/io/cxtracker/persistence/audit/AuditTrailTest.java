package io.cxtracker.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditQuery;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.ChainHead;
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
import java.util.concurrent.atomic.AtomicBoolean;
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
    void recordsAreAppendedUnsealedThenChainedWithTheDocumentedHash(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        JdbcAuditRecordRepository repository = new JdbcAuditRecordRepository(tx);
        String id = Fixtures.unique("m");
        List<AuditRecord> written = tx.inTransaction(() -> List.of(
                trail.record(AuditEntry.of("milestone", id, AuditEntry.CREATE).by("alice").department("support")
                        .requestId("req-1").set("title", "Publish the NPS baseline").set("status", "NOT_STARTED").build()),
                trail.record(AuditEntry.of("milestone", id, "check-in").by("alice").department("support").requestId("req-2")
                        .change("status", "NOT_STARTED", "IN_PROGRESS").change("note", null, "quote \" and \\ back").build()),
                trail.record(AuditEntry.of("milestone", id, AuditEntry.DELETE).by("bob").build())));
        for (AuditRecord record : written) {
            assertFalse(record.isSealed(), "appended unsealed");
            assertNull(record.hash());
        }
        List<AuditRecord> unsealed = repository.find(AuditQuery.entity("milestone", id), PageRequest.first(10)).items();
        assertEquals(3, unsealed.size(), "visible right after the write, before the sealer ran");

        assertTrue(new JdbcAuditChain(tx).sealPending() >= 3);
        List<AuditRecord> records = repository.find(AuditQuery.entity("milestone", id), PageRequest.first(10)).items();
        assertEquals(written.stream().map(AuditRecord::seq).toList(), records.stream().map(AuditRecord::seq).toList());
        assertEquals(records.get(0).chainSeq() + 1, records.get(1).chainSeq());
        assertEquals(records.get(1).chainSeq() + 1, records.get(2).chainSeq());
        assertEquals(records.get(0).hash(), records.get(1).prevHash());
        assertEquals(records.get(1).hash(), records.get(2).prevHash());
        assertFalse(records.get(1).at().isBefore(records.get(0).at()));
        for (AuditRecord record : records) {
            assertEquals(Sha256.of(canonicalText(record).getBytes(StandardCharsets.UTF_8)), record.hash(),
                    "record " + record.seq() + " hashes to the documented canonical text");
        }
        assertEquals("IN_PROGRESS", records.get(1).newValues().get("status"));
        assertNull(records.get(1).oldValues().get("note"));
        assertTrue(records.get(1).oldValues().containsKey("note"));
        ChainVerification verification = repository.verifyChain();
        assertTrue(verification.intact(), String.valueOf(verification));
        assertEquals(0, verification.pending());
    }

    @Test
    void theFirstLinkOfTheChainStartsFromTheGenesisValue(TestDatabase db) throws SQLException {
        ThreadTransactions tx = new ThreadTransactions(db);
        tx.run(() -> new JdbcAuditTrail(tx).record(AuditEntry.of("milestone", Fixtures.unique("g"), AuditEntry.CREATE)
                .by("alice").set("title", "t").build()));
        new JdbcAuditChain(tx).sealPending();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT prev_hash FROM audit_seal ORDER BY seq LIMIT 1");
            assertTrue(rs.next());
            assertEquals(GENESIS, rs.getString(1));
        }
    }

    @Test
    void aWriteThatRollsBackLeavesNoRecordAndNoGapInTheChain(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        JdbcAuditRecordRepository repository = new JdbcAuditRecordRepository(tx);
        JdbcAuditChain chain = new JdbcAuditChain(tx);
        String id = Fixtures.unique("rolled-back");
        chain.sealPending();
        ChainHead before = chain.head();
        assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            trail.record(AuditEntry.of("milestone", id, AuditEntry.CREATE).by("alice").set("title", "t").build());
            throw new IllegalStateException("the write fails after its audit record");
        }));
        assertEquals(0, repository.find(AuditQuery.entity("milestone", id), PageRequest.first(10)).total());
        tx.run(() -> trail.record(AuditEntry.of("milestone", id, AuditEntry.CREATE).by("alice").set("title", "t").build()));
        assertEquals(1, chain.sealPending());
        AuditRecord next = repository.find(AuditQuery.entity("milestone", id), PageRequest.first(10)).items().get(0);
        assertEquals(before.seq() + 1, next.chainSeq(), "the rolled-back record took no place in the chain");
        assertEquals(before.hash(), next.prevHash());
        assertTrue(repository.verifyChain().intact());
    }

    @Test
    void updateDeleteAndTruncateAreRefused(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        String id = Fixtures.unique("locked");
        AuditRecord record = tx.inTransaction(() -> new JdbcAuditTrail(tx).record(
                AuditEntry.of("milestone", id, AuditEntry.CREATE).by("alice").set("title", "t").build()));
        new JdbcAuditChain(tx).sealPending();
        for (String sql : List.of("UPDATE audit_record SET actor = 'mallory' WHERE seq = " + record.seq(),
                "DELETE FROM audit_record WHERE seq = " + record.seq(), "TRUNCATE audit_record",
                "TRUNCATE report_digest", "UPDATE audit_seal SET hash = prev_hash WHERE record_seq = " + record.seq(),
                "DELETE FROM audit_seal WHERE record_seq = " + record.seq(), "TRUNCATE audit_seal",
                "TRUNCATE audit_checkpoint")) {
            SQLException refused = assertThrows(SQLException.class, () -> db.executeAsOwner(sql), sql);
            // sealed records are referenced by their seals, so TRUNCATE audit_record fails on that before its trigger
            assertTrue(refused.getMessage().contains("append-only") || refused.getMessage().contains("foreign key"),
                    refused.getMessage());
        }
        assertEquals(1, db.number("SELECT count(*) FROM audit_record WHERE seq = " + record.seq() + " AND actor = 'alice'"));
    }

    @Test
    void aRecordAlteredByASuperuserIsTheBrokenLinkVerificationReports(TestDatabase db) throws SQLException {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        JdbcAuditRecordRepository repository = new JdbcAuditRecordRepository(tx);
        String id = Fixtures.unique("tampered");
        List<AuditRecord> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            written.add(tx.inTransaction(() -> trail.record(AuditEntry.of("milestone", id, AuditEntry.UPDATE).by("alice")
                    .change("progress", n * 10, n * 10 + 10).build())));
        }
        new JdbcAuditChain(tx).sealPending();
        List<AuditRecord> records = repository.find(AuditQuery.entity("milestone", id), PageRequest.first(10)).items();
        long victim = written.get(1).seq();
        long victimLink = records.get(1).chainSeq();
        assertTrue(repository.verifyChain().intact());
        try (Connection superuser = db.connectAsAdmin(); Statement s = superuser.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("UPDATE audit_record SET new_value = '{\"progress\": \"100\"}' WHERE seq = " + victim);
            try {
                ChainVerification altered = repository.verifyChain();
                assertFalse(altered.intact());
                assertEquals(victimLink, altered.brokenSeq());
                assertTrue(altered.reason().contains("altered"), altered.reason());
            } finally {
                s.execute("UPDATE audit_record SET new_value = '{\"progress\": \"20\"}' WHERE seq = " + victim);
            }
            assertTrue(repository.verifyChain().intact(), "mended");

            s.execute("CREATE TEMP TABLE removed_seal AS SELECT * FROM audit_seal WHERE seq = " + victimLink);
            s.execute("DELETE FROM audit_seal WHERE seq = " + victimLink);
            try {
                ChainVerification removed = repository.verifyChain();
                assertEquals(records.get(2).chainSeq(), removed.brokenSeq());
                assertTrue(removed.reason().contains("prev_hash"), removed.reason());
            } finally {
                s.execute("INSERT INTO audit_seal SELECT * FROM removed_seal");
                s.execute("RESET session_replication_role");
            }
        }
        ChainVerification mended = repository.verifyChain();
        assertTrue(mended.intact(), String.valueOf(mended));
        assertNull(mended.brokenSeq());
    }

    @Test
    void aWriterNeverWaitsForAnotherAndTheSealerLinksInCommitOrder(TestDatabase db) throws Exception {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        JdbcAuditRecordRepository repository = new JdbcAuditRecordRepository(tx);
        JdbcAuditChain chain = new JdbcAuditChain(tx);
        String slow = Fixtures.unique("import");
        String quick = Fixtures.unique("check-in");
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // a long transaction (an import) appends first and stays open
            Future<AuditRecord> longWrite = pool.submit(() -> tx.inTransaction(() -> {
                AuditRecord first = trail.record(AuditEntry.of("milestone", slow, AuditEntry.CREATE).by("importer")
                        .set("title", "t").build());
                appended.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return first;
            }));
            assertTrue(appended.await(30, TimeUnit.SECONDS));
            long started = System.nanoTime();
            AuditRecord checkIn = tx.inTransaction(() -> trail.record(AuditEntry.of("milestone", quick, "check-in")
                    .by("lee").change("progress", 10, 20).build()));
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 5,
                    "the second writer did not wait for the open transaction");
            chain.sealPending();
            AuditRecord sealedCheckIn = repository.find(AuditQuery.entity("milestone", quick), PageRequest.first(1)).items().get(0);
            assertTrue(sealedCheckIn.isSealed(), "what is committed is sealed while the long transaction is still open");

            release.countDown();
            AuditRecord imported = longWrite.get(30, TimeUnit.SECONDS);
            assertTrue(imported.seq() < checkIn.seq(), "the import's record was numbered first");
            assertTrue(chain.sealPending() >= 1);
            AuditRecord sealedImport = repository.find(AuditQuery.entity("milestone", slow), PageRequest.first(1)).items().get(0);
            assertTrue(sealedImport.chainSeq() > sealedCheckIn.chainSeq(), "linked after what committed before it");
            assertTrue(repository.verifyChain().intact());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aRoundCutShortByItsLimitLeavesTheRestForTheNextRound(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        JdbcAuditRecordRepository repository = new JdbcAuditRecordRepository(tx);
        new JdbcAuditChain(tx).sealPending();
        String id = Fixtures.unique("batched");
        tx.run(() -> {
            for (int i = 0; i < 3; i++) {
                trail.record(AuditEntry.of("milestone", id, AuditEntry.UPDATE).by("b").change("progress", i, i + 1).build());
            }
        });
        assertEquals(1, db.number("SELECT audit_seal_pending(1)"));
        assertEquals(2, new JdbcAuditChain(tx).pending(), "the round of one left two for later");
        assertEquals(2, db.number("SELECT audit_seal_pending(2)"));
        assertEquals(0, db.number("SELECT audit_seal_pending(2)"));
        assertTrue(repository.find(AuditQuery.entity("milestone", id), PageRequest.first(5)).items().stream()
                .allMatch(AuditRecord::isSealed));
        assertTrue(repository.verifyChain().intact());
    }

    @Test
    void concurrentWritersAndTwoSealersFormOneValidChain(TestDatabase db) throws Exception {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        String prefix = Fixtures.unique("concurrent");
        String actor = "t-" + prefix;
        int threads = 6;
        int transactionsPerThread = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
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
                            written.add(trail.record(AuditEntry.of("milestone", entityId, AuditEntry.UPDATE).by(actor)
                                    .change("progress", n, n + 1).build()));
                            if (n % 3 == 0) {
                                written.add(trail.record(AuditEntry.of("check-in", entityId + "-" + n, AuditEntry.CREATE)
                                        .by(actor).set("progress", n + 1).build()));
                            }
                            return written;
                        }));
                    }
                    return mine;
                }));
            }
            // two sealers, as two nodes would run them, all the while
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> sealers = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                sealers.add(pool.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        new JdbcAuditChain(tx).sealPending();
                        Thread.sleep(3);
                    }
                    return null;
                }));
            }
            start.countDown();
            List<AuditRecord> all = new ArrayList<>();
            for (Future<List<AuditRecord>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }
            writing.set(false);
            for (Future<?> sealer : sealers) {
                sealer.get(2, TimeUnit.MINUTES);
            }
            assertEquals(threads * (transactionsPerThread + 5), all.size());
            new JdbcAuditChain(tx).sealPending();
            JdbcAuditRecordRepository repository = new JdbcAuditRecordRepository(tx);
            List<AuditRecord> mine = repository.find(new AuditQuery(null, null, actor, null, null, null),
                    new PageRequest(0, 500, null, true)).items();
            assertEquals(all.size(), mine.size());
            Set<Long> links = new HashSet<>();
            Set<String> prevHashes = new HashSet<>();
            mine.forEach(r -> {
                assertTrue(r.isSealed(), "record " + r.seq() + " sealed");
                links.add(r.chainSeq());
                prevHashes.add(r.prevHash());
            });
            assertEquals(mine.size(), links.size(), "every record has its own place in the chain");
            assertEquals(mine.size(), prevHashes.size(), "no two records claim the same predecessor: the chain did not fork");
            ChainVerification verification = repository.verifyChain();
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
     * The canonical text of a version-2 link (V11__audit_seal.sql) written again in Java, so the hash
     * definition is checked independently of the database: a jsonb array, keys of objects ordered by
     * length then bytes.
     */
    static String canonicalText(AuditRecord r) {
        String at = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC).format(r.at());
        return "[" + r.chainSeq() + ", " + r.seq() + ", " + String.join(", ", json(at), json(r.actor()), json(r.entityType()), json(r.entityId()),
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
