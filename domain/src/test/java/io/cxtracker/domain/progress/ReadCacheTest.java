package io.cxtracker.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The read cache against a fake database (versions) and a clock the test moves. */
class ReadCacheTest {

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-04-01T23:59:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final FakeFreshness database = new FakeFreshness();
    private final MovableClock clock = new MovableClock();
    private final AtomicInteger computed = new AtomicInteger();

    /** A new result object per computation, numbered. */
    private final Supplier<List<Integer>> compute = () -> new ArrayList<>(List.of(computed.incrementAndGet()));

    private ReadCache cache(int entries) {
        return new ReadCache(database, clock, new ReadCacheSettings(entries));
    }

    @Test
    void aSecondReadWithNothingChangedIsTheSameResultComputedOnce() {
        ReadCache cache = cache(4);
        List<Integer> first = cache.read("program 1", compute);
        List<Integer> second = cache.read("program 1", compute);
        assertSame(first, second);
        assertEquals(1, computed.get());
        // the miss took a snapshot only; the hit asked about the miss's snapshot
        assertEquals(Arrays.asList(null, "v0"), database.asked);
    }

    @Test
    void aChangeCommittedAfterTheSnapshotMakesTheNextReadCompute() {
        ReadCache cache = cache(4);
        List<Integer> before = cache.read("program 1", compute);
        database.commitChange();
        List<Integer> after = cache.read("program 1", compute);
        assertEquals(List.of(2), after);
        assertNotSame(before, after);
        // and the new result is kept with the new snapshot
        assertSame(after, cache.read("program 1", compute));
        assertEquals(2, computed.get());
        assertEquals(Arrays.asList(null, "v0", "v1"), database.asked);
    }

    @Test
    void aHitMovesTheEntryOnToTheReadersSnapshot() {
        // v0 computed; v0 → hit (entry now at v0 still: nothing changed); change → v1 miss; hit at v1
        ReadCache cache = cache(4);
        cache.read("program 1", compute);
        database.commitChange();
        cache.read("program 1", compute);
        cache.read("program 1", compute);
        cache.read("program 1", compute);
        assertEquals(Arrays.asList(null, "v0", "v1", "v1"), database.asked);
        assertEquals(2, computed.get());
    }

    @Test
    void eachInputHasItsOwnEntry() {
        ReadCache cache = cache(4);
        List<Integer> one = cache.read("program 1", compute);
        List<Integer> two = cache.read("program 2", compute);
        assertEquals(List.of(1), one);
        assertEquals(List.of(2), two);
        assertSame(one, cache.read("program 1", compute));
        assertSame(two, cache.read("program 2", compute));
        assertEquals(2, computed.get());
    }

    @Test
    void theNextDayIsComputedAgainEvenWithNothingChanged() {
        ReadCache cache = cache(4);
        List<Integer> april1 = cache.read("program 1", compute);
        clock.now = Instant.parse("2026-04-02T00:00:01Z");
        List<Integer> april2 = cache.read("program 1", compute);
        assertNotSame(april1, april2);
        assertEquals(2, computed.get());
        assertSame(april2, cache.read("program 1", compute));
        assertEquals(2, computed.get());
    }

    @Test
    void theLeastRecentlyUsedEntryLeavesFirstBeyondTheBound() {
        ReadCache cache = cache(2);
        List<Integer> one = cache.read("program 1", compute);   // 1
        cache.read("program 2", compute);                      // 2
        assertSame(one, cache.read("program 1", compute));      // 1 used last: 2 is the eldest
        cache.read("program 3", compute);                      // 3 pushes 2 out
        assertEquals(2, cache.size());
        assertSame(one, cache.read("program 1", compute));
        assertEquals(List.of(4), cache.read("program 2", compute), "program 2 was dropped and is computed again");
        assertEquals(4, computed.get());
    }

    @Test
    void zeroEntriesComputesEveryReadAndAsksTheDatabaseNothing() {
        ReadCache cache = cache(0);
        cache.read("program 1", compute);
        cache.read("program 1", compute);
        assertEquals(2, computed.get());
        assertEquals(0, cache.size());
        assertEquals(List.of(), database.asked);
    }

    @Test
    void aTransactionThatHasWrittenIsNeitherServedNorKeepsWhatItComputes() {
        ReadCache cache = cache(4);
        List<Integer> kept = cache.read("program 1", compute);
        database.writing = true;
        List<Integer> ownView = cache.read("program 1", compute);
        assertNotSame(kept, ownView);
        database.writing = false;
        assertSame(kept, cache.read("program 1", compute), "what the writer computed was not kept");
        assertEquals(2, computed.get());
    }

    @Test
    void aFailedComputationKeepsNothing() {
        ReadCache cache = cache(4);
        assertThrows(IllegalStateException.class, () -> cache.read("program 9", () -> {
            throw new IllegalStateException("no such program");
        }));
        assertEquals(0, cache.size());
    }
}
