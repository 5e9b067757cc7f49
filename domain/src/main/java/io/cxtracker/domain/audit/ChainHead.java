package io.cxtracker.domain.audit;

/** The last link of the sealed chain: its chain sequence number and hash (0 and 64 zeros when empty). */
public record ChainHead(long seq, String hash) {

    public static ChainHead empty() {
        return new ChainHead(0, Checkpoint.GENESIS);
    }
}
