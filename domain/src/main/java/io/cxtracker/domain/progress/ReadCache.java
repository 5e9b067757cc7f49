package io.cxtracker.domain.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Today's dashboards, milestone pages and metric trends, computed once and served again while the database says
 * nothing they read has changed ({@link ReadFreshness}). Executives open the same dashboard over and over while the
 * data rarely changes between two views, and computing the benchmark program's dashboard costs tens of milliseconds
 * of CPU.
 *
 * <p>An entry keeps the result with the snapshot its transaction took before reading. A later read, in its own
 * transaction, asks the database in one statement for its snapshot and whether a transaction that wrote a watched
 * table became visible since the entry's: if not, the entry is what that read would compute, and is served (its
 * snapshot moves on to the reader's: nothing it does not show became visible in between). Otherwise the result is
 * computed and kept with the new snapshot. So no read is served data older than its own snapshot would show, on any
 * number of nodes, each with its own entries. Results depend on the day (statuses are judged on it): the day is in
 * the key. They do not depend on who reads: callers check authority before asking, on every request.
 *
 * <p>At most {@code cx.read-cache.entries} entries (least recently used leaves first); 0 keeps none. Two concurrent
 * misses both compute; the later result stays. Only successful results are kept.
 */
@ApplicationScoped
public class ReadCache {

    private final ReadFreshness freshness;
    private final Clock clock;
    private final int capacity;
    private final Map<Key, Kept> entries;

    /** For the CDI proxy only. */
    protected ReadCache() {
        this.freshness = null;
        this.clock = null;
        this.capacity = 0;
        this.entries = null;
    }

    @Inject
    public ReadCache(ReadFreshness freshness, Clock clock, ReadCacheSettings settings) {
        this.freshness = freshness;
        this.clock = clock;
        this.capacity = settings.entries();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A cache that keeps nothing: every read computes (for services built by hand, as in unit tests). */
    public static ReadCache none() {
        return new ReadCache(null, Clock.systemUTC(), new ReadCacheSettings(0));
    }

    /**
     * The result of {@code compute} for {@code what} today, from the cache when nothing it read has changed since it
     * was computed. Must run in the reader's transaction, before it reads, with authority already checked.
     *
     * @param what the inputs the result depends on besides the data and the day (e.g. a program's id), with equals
     */
    public <V> V read(Object what, Supplier<V> compute) {
        if (capacity == 0) {
            return compute.get();
        }
        Key key = new Key(what, LocalDate.now(clock));
        Kept entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        ReadFreshness.Check check = freshness.check(entry == null ? null : entry.snapshot());
        if (entry != null && check.unchangedSince() && check.snapshot() != null) {
            synchronized (entries) {
                // the same result, valid at the reader's snapshot; a newer entry put meanwhile stays
                if (entries.get(key) == entry) {
                    entries.put(key, new Kept(check.snapshot(), entry.value()));
                }
            }
            @SuppressWarnings("unchecked")
            V value = (V) entry.value();
            return value;
        }
        V value = compute.get();
        if (check.snapshot() != null) {
            synchronized (entries) {
                entries.put(key, new Kept(check.snapshot(), value));
            }
        }
        return value;
    }

    /** The number of entries kept now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private record Key(Object what, LocalDate day) {
    }

    private record Kept(String snapshot, Object value) {
    }
}
