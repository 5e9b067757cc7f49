package io.cxtracker.domain.audit;

import java.util.Collection;
import java.util.Map;

/**
 * The sealed hash chain. Records are appended unsealed in their writer's transaction; the sealer links the
 * committed ones, in a short transaction of its own under a lock only sealers take, so no writer ever waits
 * for another. Persistence implements it.
 */
public interface AuditChain {

    /**
     * Seals every committed, unsealed record, in transactions of its own (never the caller's).
     *
     * @return how many were sealed, or -1 when another node or thread was sealing at that moment
     */
    int sealPending();

    /** Committed records not yet sealed. */
    long pending();

    ChainHead head();

    /**
     * Recomputes every link up to and including chain sequence number {@code seq} from genesis and reports
     * the first broken one; {@code lastSeq}/{@code lastHash} are those of the last link at or below {@code seq}.
     */
    ChainVerification verifyThrough(long seq);

    /** The stored hashes of the links with these chain sequence numbers (missing ones are absent). */
    Map<Long, String> hashesAt(Collection<Long> seqs);
}
