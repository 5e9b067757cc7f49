package io.cxtracker.domain.audit;

/**
 * What walking the hash chain found: either every record links to its predecessor and matches its own
 * hash, or the first record where that fails, and why.
 *
 * <p>A chain can prove that nothing before its last record was changed, removed or inserted; it cannot
 * prove that nothing was cut off its end. Keep {@code lastSeq} and {@code lastHash} somewhere else (a
 * report, a ticket) and a later verification shows whether the chain still reaches them.
 *
 * @param brokenSeq the sequence number of the first broken record, or null when the chain is intact
 * @param reason why that record breaks the chain, or null
 * @param lastSeq the newest record's sequence number, null when there are none
 * @param lastHash the newest record's hash, null when there are none
 */
public record ChainVerification(boolean intact, long records, Long brokenSeq, String reason, Long lastSeq,
        String lastHash) {

    public static ChainVerification intact(long records, Long lastSeq, String lastHash) {
        return new ChainVerification(true, records, null, null, lastSeq, lastHash);
    }

    public static ChainVerification broken(long records, long brokenSeq, String reason, Long lastSeq, String lastHash) {
        return new ChainVerification(false, records, brokenSeq, reason, lastSeq, lastHash);
    }
}
