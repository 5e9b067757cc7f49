package io.cxtracker.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditQuery;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.Checkpoint;
import io.cxtracker.domain.audit.CheckpointClaim;
import io.cxtracker.domain.audit.CheckpointService;
import io.cxtracker.domain.audit.CheckpointVerification;
import io.cxtracker.domain.audit.ChainVerification;
import io.cxtracker.domain.audit.Ed25519;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed checkpoints against real PostgreSQL, each test on a database of its own, since it acts as the
 * database's owner: it rewrites a record and recomputes every later hash (the chain alone cannot tell, the
 * checkpoints can, and say which link), or cuts the tail off.
 */
@ExtendWith(PostgresExtension.class)
class AuditCheckpointTest {
    /** RFC 8032 7.1 TEST 1's seed, in PKCS#8 PEM: a fixed key. */
    private static final PrivateKey KEY = Ed25519.privateKeyFromPem("-----BEGIN PRIVATE KEY-----\n"
            + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(
                    "302e020100300506032b657004220420" + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
            + "\n-----END PRIVATE KEY-----\n");

    /** The owner's rewrite: every link from {@code from} on gets the hash its (changed) record now has. */
    private static final String RECOMPUTE_FROM = """
            DO $$
            DECLARE
                l RECORD;
                prev TEXT;
                h TEXT;
            BEGIN
                SELECT coalesce((SELECT hash FROM audit_seal WHERE seq < %1$d ORDER BY seq DESC LIMIT 1),
                                audit_record_genesis_hash()) INTO prev;
                FOR l IN SELECT s.seq AS link, s.hash_version, r.* FROM audit_seal s JOIN audit_record r ON r.seq = s.record_seq
                         WHERE s.seq >= %1$d ORDER BY s.seq LOOP
                    h := audit_seal_hash(l.hash_version, l.link, l.seq, l.at, l.actor, l.entity_type, l.entity_id,
                                         l.department_code, l.action, l.old_value, l.new_value, l.request_id, prev);
                    UPDATE audit_seal SET prev_hash = prev, hash = h WHERE seq = l.link;
                    prev := h;
                END LOOP;
            END
            $$
            """;

    @Test
    void aRewriteWithRecomputedHashesPassesTheChainButTheCheckpointsNameTheLink(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch(null)) {
            Fixture f = new Fixture(scratch);
            List<Checkpoint> checkpoints = new ArrayList<>();
            List<AuditRecord> records = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                records.add(f.write(i));
                checkpoints.add(f.service.forReport());
            }
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), checkpoints.stream().map(Checkpoint::seq).toList());
            for (Checkpoint c : checkpoints) {
                assertTrue(f.service.verify(c.id()).valid(), "checkpoint " + c.seq() + " holds before the rewrite");
            }

            try (Connection owner = scratch.connect(); Statement s = owner.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.execute("UPDATE audit_record SET new_value = '{\"progress\": \"99\"}' WHERE seq = " + records.get(2).seq());
                s.execute(RECOMPUTE_FROM.formatted(3));
            }
            ChainVerification plain = new JdbcAuditRecordRepository(f.tx).verifyChain();
            assertTrue(plain.intact(), "the chain alone cannot tell: " + plain);

            CheckpointVerification latest = f.service.verify(CheckpointClaim.of(checkpoints.get(5)));
            assertFalse(latest.valid());
            assertTrue(latest.signatureValid());
            assertEquals(3L, latest.brokenSeq());
            assertEquals(2L, latest.intactThrough());
            assertTrue(latest.reason().startsWith("link 3 was changed"), latest.reason());
            assertFalse(f.service.verify(checkpoints.get(2).id()).valid());
            assertTrue(f.service.verify(checkpoints.get(1).id()).valid(), "what was signed before the change still holds");
        }
    }

    @Test
    void aTailCutOffIsFoundByTheCheckpointOfItsEnd(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch(null)) {
            Fixture f = new Fixture(scratch);
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                f.write(i);
                if (i == 1 || i == 4) {
                    checkpoints.add(f.service.forReport());
                }
            }
            try (Connection owner = scratch.connect(); Statement s = owner.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.execute("DELETE FROM audit_record WHERE seq IN (SELECT record_seq FROM audit_seal WHERE seq > 3)");
                s.execute("DELETE FROM audit_seal WHERE seq > 3");
            }
            assertTrue(new JdbcAuditRecordRepository(f.tx).verifyChain().intact(), "what is left is a valid chain");
            CheckpointVerification v = f.service.verify(CheckpointClaim.of(checkpoints.get(1)));
            assertFalse(v.valid());
            assertNull(v.chainHash());
            assertEquals(4L, v.brokenSeq());
            assertEquals(2L, v.intactThrough());
            assertTrue(v.reason().contains("cut off"), v.reason());
            assertTrue(f.service.verify(CheckpointClaim.of(checkpoints.get(0))).valid());
        }
    }

    @Test
    void checkpointsAreStoredAppendOnlyListedNewestFirstAndOnePerDay(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch(null)) {
            Fixture f = new Fixture(scratch);
            Checkpoint empty = f.service.daily(LocalDate.of(2026, 12, 6));
            assertEquals(0, empty.seq());
            assertEquals(Checkpoint.GENESIS, empty.hash());
            f.write(1);
            Checkpoint day = f.service.daily(LocalDate.of(2026, 12, 7));
            // a second node signs the same day: the database keeps the first one
            JdbcCheckpointRepository repository = new JdbcCheckpointRepository(f.tx);
            Checkpoint again = repository.add(new Checkpoint(0, day.seq(), day.hash(), day.signedAt().plusSeconds(1),
                    Checkpoint.DAILY, day.period(), day.signature(), day.keyFingerprint(), day.publicKey(), "node-2"));
            assertEquals(day.id(), again.id());
            assertEquals(1, day.seq());
            assertEquals(Instant.parse("2026-12-07T08:00:00.123456Z"), day.signedAt());
            assertTrue(Ed25519.verify(Ed25519.publicKeyOf(KEY), day.signedText().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    day.signature()));
            var page = f.service.list(PageRequest.first(10));
            assertEquals(2, page.total());
            assertEquals(List.of(day.id(), empty.id()), page.items().stream().map(Checkpoint::id).toList());
            try (Connection c = scratch.connect(); Statement s = c.createStatement()) {
                for (String sql : List.of("UPDATE audit_checkpoint SET seq = 5", "DELETE FROM audit_checkpoint")) {
                    assertTrue(org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> s.execute(sql))
                            .getMessage().contains("append-only"));
                }
            }
        }
    }

    @Test
    void recordsSealedByTheFirstSchemeStayVerifiableAfterTheMigration(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch("9")) {
            try (Connection c = scratch.connect(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                for (int i = 0; i < 4; i++) {
                    s.execute("INSERT INTO audit_record (actor, entity_type, entity_id, action, new_value) VALUES "
                            + "('alice', 'milestone', 'v9-" + i + "', 'create', '{\"title\": \"old " + i + "\"}')");
                }
                c.commit();
            }
            scratch.migrate(null);
            Fixture f = new Fixture(scratch);
            ChainVerification migrated = new JdbcAuditRecordRepository(f.tx).verifyChain();
            assertTrue(migrated.intact(), String.valueOf(migrated));
            assertEquals(4, migrated.records());
            f.write(1);
            Checkpoint c = f.service.forReport();
            assertEquals(5, c.seq(), "the first new link follows the migrated ones");
            assertTrue(f.service.verify(c.id()).valid());
            List<AuditRecord> old = new JdbcAuditRecordRepository(f.tx).find(new AuditQuery("milestone", "v9-2", null, null,
                    null, null), PageRequest.first(1)).items();
            assertEquals(old.get(0).seq(), old.get(0).chainSeq(), "a V9 record keeps its place");
        }
    }

    /** A chain, its checkpoints and a service signing with the fixed key at a fixed instant, as an auditor. */
    private static final class Fixture {
        final ThreadTransactions tx;
        final JdbcAuditTrail trail;
        final CheckpointService service;

        Fixture(TestDatabase.Scratch scratch) {
            tx = new ThreadTransactions(scratch::connect);
            trail = new JdbcAuditTrail(tx);
            Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:00:00.123456789Z"), ZoneOffset.UTC);
            service = new CheckpointService(new JdbcAuditChain(tx), new JdbcCheckpointRepository(tx),
                    new AuditSigningKey(KEY), auditor(), clock);
        }

        AuditRecord write(int n) {
            return tx.inTransaction(() -> trail.record(AuditEntry.of("milestone", "m-" + n, AuditEntry.UPDATE).by("alice")
                    .change("progress", n, n + 1).build()));
        }
    }

    private static CurrentUser auditor() {
        return new CurrentUser() {
            @Override
            public String name() {
                return "audrey";
            }

            @Override
            public Set<Role> roles() {
                return Set.of(Role.AUDITOR);
            }

            @Override
            public Set<DepartmentCode> departments() {
                return Set.of();
            }
        };
    }
}
