package io.cxtracker.domain.alert;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** The alerts (a transactional outbox: written in the transaction of their cause) and who read which. */
public interface AlertRepository {

    /**
     * Stores the alerts whose dedup key is new and skips the others, in the caller's transaction; safe when
     * another node stores the same alerts at the same time.
     *
     * @return how many were new
     */
    int store(Collection<NewAlert> alerts, Instant at);

    /**
     * A page of the alerts addressed to any of the audiences, of the given kinds, newest first, not caused by
     * the reader, with the reader's read marks.
     */
    Page<AlertView> inbox(Set<Audience> audiences, Set<AlertKind> kinds, String reader, boolean unreadOnly,
            PageRequest page);

    long unread(Set<Audience> audiences, Set<AlertKind> kinds, String reader);

    /** The alert, when it is addressed to one of the audiences and not caused by the reader. */
    Optional<AlertView> find(long id, Set<Audience> audiences, String reader);

    /** Marks the alert read for the reader; false when it already was. */
    boolean markRead(long id, String reader, Instant at);
}
