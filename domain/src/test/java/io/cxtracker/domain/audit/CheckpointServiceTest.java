package io.cxtracker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.report.Sha256;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint rules over an in-memory chain whose links are plain numbers: link n has hash
 * sha256("link n" + its predecessor's hash), so every expected value here is computed by hand.
 */
class CheckpointServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:15:30.123456Z");
    private static final PrivateKey KEY = Ed25519Test.key();

    private final FakeChain chain = new FakeChain();
    private final FakeCheckpoints stored = new FakeCheckpoints();
    private final CheckpointSigner signer = new CheckpointSigner() {
        @Override
        public String sign(byte[] message) {
            return Ed25519.sign(KEY, message);
        }

        @Override
        public PublicKey publicKey() {
            return Ed25519.publicKeyOf(KEY);
        }
    };

    private CheckpointService service(Role... roles) {
        return new CheckpointService(chain, stored, signer, AuditEntryTest.user("audrey", roles),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aReportCheckpointSealsFirstAndSignsTheHead() {
        chain.append(3);
        chain.pending = 2;
        Checkpoint c = service(Role.AUDITOR).forReport();
        assertEquals(5, c.seq(), "the two pending records were sealed before signing");
        assertEquals(chain.hashOf(5), c.hash());
        assertEquals(NOW, c.signedAt());
        assertEquals("audrey", c.createdBy());
        assertTrue(Ed25519.verify(signer.publicKey(), ("cx-audit-checkpoint:v1:5:" + chain.hashOf(5)
                + ":2026-12-07T10:15:30.123456Z").getBytes(StandardCharsets.UTF_8), c.signature()));
        assertTrue(service(Role.EXECUTIVE).verify(CheckpointClaim.of(c)).valid());
    }

    @Test
    void onlyReadersOfTheAuditTrailMakeListOrVerifyCheckpoints() {
        for (Role role : List.of(Role.DEPARTMENT_LEAD, Role.METRICS_INGEST)) {
            assertThrows(AccessDeniedException.class, () -> service(role).forReport());
            assertThrows(AccessDeniedException.class, () -> service(role).list(PageRequest.first(5)));
            assertThrows(AccessDeniedException.class, () -> service(role).verify(1));
        }
        assertThrows(AccessDeniedException.class, () -> service().signingKey());
        assertEquals(0, stored.all.size(), "nothing written");
    }

    @Test
    void theDayHasOneDailyCheckpoint() {
        chain.append(2);
        Checkpoint first = service().daily(LocalDate.of(2026, 12, 7));
        chain.append(1);
        Checkpoint second = service().daily(LocalDate.of(2026, 12, 7));
        assertEquals(first.id(), second.id());
        assertEquals(2, second.seq());
        assertEquals(CheckpointService.SYSTEM, first.createdBy());
        assertEquals(3, service().daily(LocalDate.of(2026, 12, 8)).seq());
    }

    @Test
    void aForgedOrAlteredCheckpointFailsOnItsSignature() {
        chain.append(4);
        Checkpoint c = service(Role.AUDITOR).forReport();
        CheckpointVerification altered = service(Role.AUDITOR).verify(
                new CheckpointClaim(3L, chain.hashOf(3), c.signedAt(), c.signature(), null));
        assertFalse(altered.valid());
        assertFalse(altered.signatureValid());
        java.security.KeyPair other = Ed25519.generate();
        String foreign = Ed25519.sign(other.getPrivate(), Checkpoint.signedBytes(4, c.hash(), c.signedAt()));
        CheckpointVerification otherKey = service(Role.AUDITOR).verify(
                new CheckpointClaim(4L, c.hash(), c.signedAt(), foreign, Ed25519.fingerprint(other.getPublic())));
        assertFalse(otherKey.valid());
        assertFalse(otherKey.keyMatches());
        assertTrue(otherKey.reason().contains("another key"), otherKey.reason());
    }

    @Test
    void aRewrittenLinkIsNarrowedDownByTheCheckpointsThatStillHold() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chain.append(1);
            checkpoints.add(service(Role.AUDITOR).forReport());
        }
        chain.rewriteFrom(4); // the owner changes link 4 and recomputes 4..6: the links still verify
        CheckpointVerification v = service(Role.AUDITOR).verify(CheckpointClaim.of(checkpoints.get(5)));
        assertFalse(v.valid());
        assertTrue(v.signatureValid());
        assertEquals(4L, v.brokenSeq());
        assertEquals(3L, v.intactThrough());
        assertTrue(v.reason().startsWith("link 4 was changed"), v.reason());
        assertTrue(service(Role.AUDITOR).verify(CheckpointClaim.of(checkpoints.get(2))).valid());
    }

    @Test
    void aTailCutOffIsFound() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            chain.append(1);
            checkpoints.add(service(Role.AUDITOR).forReport());
        }
        chain.cutAfter(2);
        CheckpointVerification v = service(Role.AUDITOR).verify(CheckpointClaim.of(checkpoints.get(4)));
        assertFalse(v.valid());
        assertNull(v.chainHash());
        assertEquals(3L, v.brokenSeq());
        assertEquals(2L, v.intactThrough());
        assertTrue(v.reason().contains("cut off"), v.reason());
    }

    @Test
    void aClaimNamesEveryBadField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new CheckpointClaim(-1L, "XYZ", null, "***", "short"));
        assertEquals(List.of("seq", "hash", "signedAt", "signature", "keyFingerprint"),
                e.violations().stream().map(v -> v.field()).toList());
    }

    /** Links 1..n; link n's hash is sha256("link n" + previous hash), or a rewritten variant. */
    static final class FakeChain implements AuditChain {
        final List<String> hashes = new ArrayList<>();
        int pending;

        void append(int links) {
            for (int i = 0; i < links; i++) {
                hashes.add(link(hashes.size() + 1, hashes.isEmpty() ? Checkpoint.GENESIS : hashes.getLast(), "link "));
            }
        }

        String hashOf(long seq) {
            return hashes.get((int) seq - 1);
        }

        void rewriteFrom(int seq) {
            for (int n = seq; n <= hashes.size(); n++) {
                hashes.set(n - 1, link(n, n == 1 ? Checkpoint.GENESIS : hashes.get(n - 2), "forged "));
            }
        }

        void cutAfter(int seq) {
            while (hashes.size() > seq) {
                hashes.removeLast();
            }
        }

        private static String link(int n, String prev, String word) {
            return Sha256.of((word + n + prev).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int sealPending() {
            int sealed = pending;
            append(pending);
            pending = 0;
            return sealed;
        }

        @Override
        public long pending() {
            return pending;
        }

        @Override
        public ChainHead head() {
            return hashes.isEmpty() ? ChainHead.empty() : new ChainHead(hashes.size(), hashes.getLast());
        }

        @Override
        public ChainVerification verifyThrough(long seq) {
            long last = Math.min(seq, hashes.size());
            return last == 0 ? ChainVerification.intact(0, null, null)
                    : ChainVerification.intact(last, last, hashOf(last));
        }

        @Override
        public Map<Long, String> hashesAt(Collection<Long> seqs) {
            Map<Long, String> found = new HashMap<>();
            seqs.stream().filter(s -> s >= 1 && s <= hashes.size()).forEach(s -> found.put(s, hashOf(s)));
            return found;
        }
    }

    static final class FakeCheckpoints implements CheckpointRepository {
        final List<Checkpoint> all = new ArrayList<>();

        @Override
        public Checkpoint add(Checkpoint c) {
            if (c.period() != null && daily(c.period()).isPresent()) {
                return daily(c.period()).orElseThrow();
            }
            Checkpoint stored = new Checkpoint(all.size() + 1, c.seq(), c.hash(), c.signedAt(), c.reason(), c.period(),
                    c.signature(), c.keyFingerprint(), c.publicKey(), c.createdBy());
            all.add(stored);
            return stored;
        }

        @Override
        public Optional<Checkpoint> find(long id) {
            return all.stream().filter(c -> c.id() == id).findFirst();
        }

        @Override
        public Optional<Checkpoint> daily(LocalDate day) {
            return all.stream().filter(c -> day.equals(c.period())).findFirst();
        }

        @Override
        public Page<Checkpoint> find(PageRequest page) {
            return new Page<>(all, all.size());
        }

        @Override
        public List<Checkpoint> through(long seq) {
            return all.stream().filter(c -> c.seq() <= seq).toList();
        }
    }
}
