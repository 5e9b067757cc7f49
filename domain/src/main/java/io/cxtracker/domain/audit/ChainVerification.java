package io.cxtracker.domain.audit;

/**
 * What walking the hash chain found: either every sealed record links to its predecessor and matches
 * its own hash, or the first link (chain sequence number) where that fails, and why; and how many
 * records still await sealing (they are verified once the sealer has linked them, within seconds).
 *
 * <p>A chain can prove that nothing before its last link was changed, removed or inserted; it cannot
 * prove that nothing was cut off its end, nor that the database owner did not rewrite a record and
 * recompute every later hash. Signed checkpoints ({@link Checkpoint}) prove both: verify against one.
 *
 * @param records the number of sealed records (links) checked
 * @param brokenSeq the chain sequence number of the first broken link, or null when the chain is intact
 * @param reason why that link breaks the chain, or null
 * @param lastSeq the newest link's chain sequence number, null when there are none
 * @param lastHash the newest link's hash, null when there are none
 * @param pending committed records not yet sealed (not covered by this verification)
 */
public record ChainVerification(boolean intact, long records, Long brokenSeq, String reason, Long lastSeq,
        String lastHash, long pending) {

    public static ChainVerification intact(long records, Long lastSeq, String lastHash) {
        return new ChainVerification(true, records, null, null, lastSeq, lastHash, 0);
    }

    public static ChainVerification broken(long records, long brokenSeq, String reason, Long lastSeq, String lastHash) {
        return new ChainVerification(false, records, brokenSeq, reason, lastSeq, lastHash, 0);
    }

    public ChainVerification withPending(long awaitingSeal) {
        return new ChainVerification(intact, records, brokenSeq, reason, lastSeq, lastHash, awaitingSeal);
    }
}
