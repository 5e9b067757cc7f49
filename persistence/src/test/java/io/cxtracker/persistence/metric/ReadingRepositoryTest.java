package io.cxtracker.persistence.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.GaugeStatistics;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.RatioStatistics;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Idempotent ingestion: a key (per metric and source) is stored once, also when requests race. */
@ExtendWith(PostgresExtension.class)
class ReadingRepositoryTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-02T08:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static Metric npsMetric(TestDatabase db) {
        return db.inTransaction(em -> Fixtures.metric(em, MetricKind.NPS, Direction.HIGHER_IS_BETTER,
                Fixtures.department(em, "support")));
    }

    private static List<Reading> batch(Metric metric, String source, int from, int toExclusive) {
        List<Reading> readings = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            readings.add(new Reading(metric, DAY, null, "chat", new NpsStatistics(i % 5 + 1, 1, i % 3), source, "key-" + i,
                    RECEIVED));
        }
        return readings;
    }

    private static long stored(TestDatabase db, Metric metric) {
        return db.number("SELECT count(*) FROM reading WHERE metric_id = " + metric.id());
    }

    @Test
    void theSameBatchTwiceIsStoredOnce(TestDatabase db) {
        Metric metric = npsMetric(db);
        List<Reading> readings = batch(metric, "survey-tool", 0, 1200);

        List<Boolean> first = db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(readings));
        List<Boolean> second = db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(readings));

        assertEquals(Collections.nCopies(1200, true), first);
        assertEquals(Collections.nCopies(1200, false), second);
        assertEquals(1200, stored(db, metric));
    }

    @Test
    void aBatchOverlappingStoredKeysStoresOnlyItsNewReadings(TestDatabase db) {
        Metric metric = npsMetric(db);
        db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(batch(metric, "survey-tool", 0, 10)));
        List<Reading> overlapping = batch(metric, "survey-tool", 5, 20);
        Collections.reverse(overlapping);

        List<Boolean> stored = db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(overlapping));

        // reversed: keys 19..10 are new, 9..5 were stored
        assertEquals(Collections.nCopies(10, true), stored.subList(0, 10));
        assertEquals(Collections.nCopies(5, false), stored.subList(10, 15));
        assertEquals(20, stored(db, metric));
    }

    @Test
    void theSameKeyFromAnotherSourceIsAnotherReading(TestDatabase db) {
        Metric metric = npsMetric(db);
        db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(batch(metric, "survey-tool", 0, 3)));
        List<Boolean> other = db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(batch(metric, "bi-job", 0, 3)));
        assertEquals(List.of(true, true, true), other);
        assertEquals(6, stored(db, metric));
    }

    @Test
    void aKeyRepeatedWithinOneCallCountsOnceInTheCallersOrder(TestDatabase db) {
        Metric metric = npsMetric(db);
        List<Reading> readings = new ArrayList<>(batch(metric, "survey-tool", 0, 2));
        readings.add(batch(metric, "survey-tool", 0, 1).get(0));
        assertEquals(List.of(true, true, false),
                db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(readings)));
        assertEquals(2, stored(db, metric));
    }

    /** The second request waits on the first's uncommitted keys, then skips them: never an error, never twice. */
    @Test
    void aRequestRacingAnUncommittedOneWithOverlappingKeysStoresOnlyTheNewOnes(TestDatabase db) throws Exception {
        Metric metric = npsMetric(db);
        CountDownLatch firstInserted = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<Boolean>> first = threads.submit(() -> db.inTransaction(em -> {
                List<Boolean> result = new JpaReadingRepository(em).addAllIfAbsent(batch(metric, "src", 0, 60));
                firstInserted.countDown();
                sleep(300);
                return result;
            }));
            Future<List<Boolean>> second = threads.submit(() -> {
                firstInserted.await();
                return db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(batch(metric, "src", 30, 90)));
            });
            assertEquals(Collections.nCopies(60, true), first.get(30, TimeUnit.SECONDS));
            List<Boolean> late = second.get(30, TimeUnit.SECONDS);
            assertEquals(Collections.nCopies(30, false), late.subList(0, 30));
            assertEquals(Collections.nCopies(30, true), late.subList(30, 60));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(90, stored(db, metric));
        assertEquals(90, db.number("SELECT count(DISTINCT idempotency_key) FROM reading WHERE metric_id = " + metric.id()));
    }

    /** Several requests started together with overlapping keys, in different orders: each key once, no deadlock. */
    @Test
    void racingRequestsStoreEveryKeyExactlyOnce(TestDatabase db) throws Exception {
        Metric metric = npsMetric(db);
        int requests = 4;
        CyclicBarrier start = new CyclicBarrier(requests);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        List<Future<Integer>> accepted = new ArrayList<>();
        try {
            for (int r = 0; r < requests; r++) {
                int offset = r * 50;
                accepted.add(threads.submit(() -> {
                    List<Reading> readings = batch(metric, "src", offset, offset + 200);
                    Collections.reverse(readings);
                    start.await();
                    List<Boolean> stored = db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(readings));
                    return (int) stored.stream().filter(b -> b).count();
                }));
            }
            int total = 0;
            for (Future<Integer> f : accepted) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            // keys 0..349, whoever stored them
            assertEquals(350, total);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(350, stored(db, metric));
    }

    @Test
    void everyKindsStatisticsSurviveTheRoundTrip(TestDatabase db) {
        Department support = db.inTransaction(em -> Fixtures.department(em, "support"));
        Instant at = Instant.parse("2026-03-01T17:45:00Z");
        List<MetricStatistics> statistics = List.of(new NpsStatistics(55, 25, 20), new CsatStatistics(41, 50),
                new MeanScoreStatistics(880, 100), new RatioStatistics(73, 90), GaugeStatistics.of(412.5, 30, at));
        for (MetricStatistics expected : statistics) {
            Metric metric = db.inTransaction(em -> Fixtures.metric(em, expected.kind(), Direction.HIGHER_IS_BETTER,
                    em.merge(support)));
            db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(List.of(new Reading(metric, DAY,
                    em.merge(support), null, expected, "src", "only", RECEIVED))));
            Reading stored = db.inTransaction(em -> {
                Reading reading = new JpaReadingRepository(em).find(em.merge(metric), "src", "only").orElseThrow();
                reading.department().code();
                return reading;
            });
            assertEquals(expected, stored.statistics());
            assertEquals(DAY, stored.day());
            assertEquals(RECEIVED, stored.receivedAt());
            assertEquals(support.code(), stored.department().code());
            assertTrue(stored.channel() == null);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
