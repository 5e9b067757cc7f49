package io.cxtracker.domain.progress;

/**
 * Whether what today's dashboards read has changed since a database snapshot, asked in the reader's own transaction
 * before it reads anything. The database answers it, not this node's memory: several nodes serve the same data and
 * each keeps its own {@link ReadCache}, so only the database knows which writes the reader can see.
 */
public interface ReadFreshness {

    /**
     * The reader's snapshot now and, when {@code since} is given, whether no transaction that wrote a dashboard's
     * input became visible after {@code since}. One round trip.
     *
     * @param since a snapshot an earlier {@link Check#snapshot()} returned, or null to only take one
     */
    Check check(String since);

    /**
     * @param snapshot the reader's snapshot (taken before its reads), or null when nothing the reader computes may be
     *     kept: its transaction has written already, and its reads see its own uncommitted changes
     * @param unchangedSince true only when a {@code since} was given and nothing read has changed after it
     */
    record Check(String snapshot, boolean unchangedSince) {
    }
}
