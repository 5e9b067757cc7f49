package io.cxtracker.persistence.metric;

import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.ReadingRepository;
import io.cxtracker.persistence.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores readings with {@code INSERT … ON CONFLICT (metric_id, source, idempotency_key) DO NOTHING}: the
 * unique key decides, so a key is stored once however many requests race with it, and the statement's
 * {@code RETURNING} tells which rows this call stored.
 *
 * <p>Each column travels as one array parameter and {@code unnest} turns the arrays back into rows: one short
 * statement for a whole batch, as for survey answers. (Multi-row {@code VALUES} of 500 rows × 20 parameters made
 * the driver and the server parse and plan a 10,000-parameter statement per 500 rows.)
 */
@ApplicationScoped
public class JpaReadingRepository implements ReadingRepository {

    private static final String INSERT = """
            INSERT INTO reading (metric_id, kind, day, department_id, channel, promoters, passives, detractors, satisfied,
                                 responses, score_sum, score_count, numerator, denominator, gauge_value, gauge_weight,
                                 gauge_at, source, idempotency_key, received_at)
            SELECT r.metric_id, r.kind, r.day::date, r.department_id, r.channel, r.promoters, r.passives, r.detractors,
                   r.satisfied, r.responses, r.score_sum, r.score_count, r.numerator, r.denominator, r.gauge_value,
                   r.gauge_weight, r.gauge_at::timestamptz, r.source, r.key, r.received_at::timestamptz
              FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS bigint[]),
                          CAST(?5 AS text[]), CAST(?6 AS bigint[]), CAST(?7 AS bigint[]), CAST(?8 AS bigint[]),
                          CAST(?9 AS bigint[]), CAST(?10 AS bigint[]), CAST(?11 AS float8[]), CAST(?12 AS bigint[]),
                          CAST(?13 AS bigint[]), CAST(?14 AS bigint[]), CAST(?15 AS float8[]), CAST(?16 AS bigint[]),
                          CAST(?17 AS text[]), CAST(?18 AS text[]), CAST(?19 AS text[]), CAST(?20 AS text[]))
                   WITH ORDINALITY
                   AS r(metric_id, kind, day, department_id, channel, promoters, passives, detractors, satisfied,
                        responses, score_sum, score_count, numerator, denominator, gauge_value, gauge_weight, gauge_at,
                        source, key, received_at, n)
             ORDER BY r.n
            ON CONFLICT (metric_id, source, idempotency_key) DO NOTHING
            RETURNING metric_id, source, idempotency_key""";

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaReadingRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaReadingRepository(EntityManager em) {
        this.em = em;
    }

    private record Key(long metricId, String source, String idempotencyKey) {
        static Key of(Reading reading) {
            return new Key(reading.metric().id(), reading.source(), reading.idempotencyKey());
        }
    }

    @Override
    public List<Boolean> addAllIfAbsent(List<Reading> readings) {
        if (readings.isEmpty()) {
            return List.of();
        }
        // Every transaction inserts keys in the same order, so two batches with overlapping keys wait for each
        // other instead of deadlocking.
        List<Reading> ordered = readings.stream()
                .sorted(Comparator.comparing(Key::of, Comparator.comparingLong(Key::metricId)
                        .thenComparing(Key::source).thenComparing(Key::idempotencyKey)))
                .toList();
        Set<Key> stored = insert(ordered);
        List<Boolean> result = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            // a key repeated within the call counts as stored for its first reading only
            result.add(stored.remove(Key.of(reading)));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Set<Key> insert(List<Reading> rows) {
        Object[] columns = ReadingColumns.of(rows).all();
        Query query = em.createNativeQuery(INSERT);
        for (int i = 0; i < columns.length; i++) {
            query.setParameter(i + 1, columns[i]);
        }
        Set<Key> stored = new HashSet<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            stored.add(new Key(Rows.toLong(row[0]), (String) row[1], (String) row[2]));
        }
        return stored;
    }

    @Override
    public Optional<Reading> find(Metric metric, String source, String idempotencyKey) {
        return em.createQuery("""
                        select r from Reading r
                        where r.metric = :metric and r.source = :source and r.idempotencyKey = :key""", Reading.class)
                .setParameter("metric", metric)
                .setParameter("source", source)
                .setParameter("key", idempotencyKey)
                .getResultStream()
                .findFirst();
    }
}
