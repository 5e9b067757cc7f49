package io.cxtracker.domain.audit;

import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Signed checkpoints of the audit chain: made daily by the schedule (one a day, however many nodes run
 * it) and at every report export; listed and verified by executives, auditors and program admins.
 *
 * <p>Verifying a checkpoint proves that the CURRENT chain still contains its head and everything before
 * it: the signature must be the audit key's, every link up to the head is recomputed from genesis, and the
 * head's recomputed hash must be the signed one. When it is not (the database owner rewrote a record and
 * recomputed every later hash, or cut the tail off), the other signed checkpoints narrow down where: the
 * highest one that still holds and the lowest one that does not.
 */
@ApplicationScoped
@Transactional
public class CheckpointService {
    static final Role[] READERS = AuditService.READERS;
    /** Who signs the daily checkpoints. */
    public static final String SYSTEM = "system";
    private static final int SEAL_ATTEMPTS = 20;

    private final AuditChain chain;
    private final CheckpointRepository checkpoints;
    private final CheckpointSigner signer;
    private final CurrentUser currentUser;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected CheckpointService() {
        this(null, null, null, null, null);
    }

    @Inject
    public CheckpointService(AuditChain chain, CheckpointRepository checkpoints, CheckpointSigner signer,
            CurrentUser currentUser, Clock clock) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The day's checkpoint: the one already made, or a new one. Called by the schedule, with no user. */
    public Checkpoint daily(LocalDate day) {
        return checkpoints.daily(day).orElseGet(() -> sign(Checkpoint.DAILY, day, SYSTEM));
    }

    /** A checkpoint for a report about to be exported: the report carries it. */
    public Checkpoint forReport() {
        Authority.requireAnyRole(currentUser, "export accountability reports", READERS);
        return sign(Checkpoint.REPORT, null, currentUser.name());
    }

    public Page<Checkpoint> list(PageRequest page) {
        Authority.requireAnyRole(currentUser, "read audit checkpoints", READERS);
        return checkpoints.find(page);
    }

    public Checkpoint get(long id) {
        Authority.requireAnyRole(currentUser, "read audit checkpoints", READERS);
        return checkpoints.find(id).orElseThrow(() -> new NotFoundException("checkpoint", String.valueOf(id)));
    }

    /** The public half of the signing key, for verifying checkpoints by hand. */
    public PublicKey signingKey() {
        Authority.requireAnyRole(currentUser, "read audit checkpoints", READERS);
        return signer.publicKey();
    }

    public CheckpointVerification verify(long id) {
        return verify(CheckpointClaim.of(get(id)));
    }

    public CheckpointVerification verify(CheckpointClaim claim) {
        Authority.requireAnyRole(currentUser, "verify the audit trail", READERS);
        PublicKey key = signer.publicKey();
        String fingerprint = Ed25519.fingerprint(key);
        boolean keyMatches = claim.keyFingerprint() == null || claim.keyFingerprint().equals(fingerprint);
        long seq = claim.seq();
        if (!Ed25519.verify(key, claim.signedBytes(), claim.signature())) {
            return new CheckpointVerification(false, seq, claim.hash(), false, keyMatches, null, null, null, keyMatches
                    ? "the signature is not the audit key's signature over this sequence number, hash and time: "
                            + "the checkpoint was altered or forged"
                    : "the checkpoint was signed by another key (fingerprint " + claim.keyFingerprint()
                            + "); this server's key has fingerprint " + fingerprint);
        }
        if (seq == 0) {
            boolean genesis = Checkpoint.GENESIS.equals(claim.hash());
            return new CheckpointVerification(genesis, 0, claim.hash(), true, keyMatches, Checkpoint.GENESIS,
                    genesis ? null : 0L, genesis ? null : 0L,
                    genesis ? "the checkpoint was made on the empty chain" : "a checkpoint of sequence 0 must sign 64 zeros");
        }
        ChainVerification links = chain.verifyThrough(seq);
        if (!links.intact()) {
            long broken = links.brokenSeq();
            return new CheckpointVerification(false, seq, claim.hash(), true, keyMatches, null, broken,
                    highestHolding(broken), "link " + broken + " breaks the chain: " + links.reason());
        }
        if (links.lastSeq() == null || links.lastSeq() != seq) {
            long last = links.lastSeq() == null ? 0 : links.lastSeq();
            return new CheckpointVerification(false, seq, claim.hash(), true, keyMatches, null, last + 1,
                    highestHolding(last + 1), "the chain has no link " + seq + " any more: it ends at "
                            + (last == 0 ? "genesis" : "link " + last) + " there, so the links after it were cut off");
        }
        if (!links.lastHash().equals(claim.hash())) {
            return rewritten(claim, links.lastHash());
        }
        return new CheckpointVerification(true, seq, claim.hash(), true, keyMatches, links.lastHash(), null, null,
                "the chain still contains the signed head " + seq + " and every link before it");
    }

    /**
     * Every link up to the head verifies, yet the head's hash is not the signed one: something at or below
     * it was rewritten and every later hash recomputed. The stored checkpoints below the head narrow it.
     */
    private CheckpointVerification rewritten(CheckpointClaim claim, String chainHash) {
        long seq = claim.seq();
        List<Checkpoint> signed = genuine(checkpoints.through(seq));
        Map<Long, String> hashes = chain.hashesAt(signed.stream().map(Checkpoint::seq).toList());
        long intact = 0;
        long failing = seq;
        for (Checkpoint c : signed) {
            if (c.seq() >= seq) {
                break;
            }
            if (!c.hash().equals(hashes.get(c.seq()))) {
                failing = c.seq();
                break;
            }
            intact = c.seq();
        }
        String where = failing == intact + 1 ? "link " + failing + " was changed"
                : "a link from " + (intact + 1) + " to " + failing + " was changed";
        return new CheckpointVerification(false, seq, claim.hash(), true, true, chainHash, failing, intact, where
                + " after it was signed and every later hash recomputed: the chain's hash at " + seq + " is " + chainHash
                + ", the checkpoint signed " + claim.hash());
    }

    /** The highest chain sequence number below {@code below} that a genuine, still-matching checkpoint proves; 0 when none. */
    private long highestHolding(long below) {
        if (below <= 1) {
            return 0;
        }
        List<Checkpoint> signed = genuine(checkpoints.through(below - 1));
        Map<Long, String> hashes = chain.hashesAt(signed.stream().map(Checkpoint::seq).toList());
        long intact = 0;
        for (Checkpoint c : signed) {
            if (!c.hash().equals(hashes.get(c.seq()))) {
                break;
            }
            intact = c.seq();
        }
        return intact;
    }

    /** The stored checkpoints whose signature is the current key's (the database owner cannot forge one). */
    private List<Checkpoint> genuine(List<Checkpoint> stored) {
        PublicKey key = signer.publicKey();
        List<Checkpoint> genuine = new ArrayList<>();
        for (Checkpoint c : stored) {
            if (Ed25519.verify(key, CheckpointClaim.of(c).signedBytes(), c.signature())) {
                genuine.add(c);
            }
        }
        return genuine;
    }

    private Checkpoint sign(String reason, LocalDate period, String by) {
        sealPending();
        ChainHead head = chain.head();
        Instant at = Checkpoint.truncate(clock.instant());
        PublicKey key = signer.publicKey();
        String signature = signer.sign(Checkpoint.signedBytes(head.seq(), head.hash(), at));
        return checkpoints.add(new Checkpoint(0, head.seq(), head.hash(), at, reason, period, signature,
                Ed25519.fingerprint(key), Ed25519.base64(key), by));
    }

    /** Seals what is committed, so that the checkpoint covers every write before it; waits briefly for another sealer. */
    private void sealPending() {
        for (int attempt = 0; attempt < SEAL_ATTEMPTS; attempt++) {
            if (chain.sealPending() >= 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
