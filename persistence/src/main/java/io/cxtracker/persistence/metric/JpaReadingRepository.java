package io.cxtracker.persistence.metric;

import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.GaugeStatistics;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.RatioStatistics;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.ReadingRepository;
import io.cxtracker.persistence.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores readings with {@code INSERT … ON CONFLICT (metric_id, source, idempotency_key) DO NOTHING}: the
 * unique key decides, so a key is stored once however many requests race with it, and the statement's
 * {@code RETURNING} tells which rows this call stored. Many rows go in one statement.
 */
@ApplicationScoped
public class JpaReadingRepository implements ReadingRepository {
    /** Rows per INSERT statement: 20 parameters each, well under PostgreSQL's 65,535. */
    static final int ROWS_PER_STATEMENT = 500;

    private static final String COLUMNS = "metric_id, kind, day, department_id, channel, promoters, passives, detractors, "
            + "satisfied, responses, score_sum, score_count, numerator, denominator, gauge_value, gauge_weight, gauge_at, "
            + "source, idempotency_key, received_at";

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
        // Every transaction inserts keys in the same order, so two batches with overlapping keys wait for each
        // other instead of deadlocking.
        List<Reading> ordered = readings.stream()
                .sorted(Comparator.comparing(Key::of, Comparator.comparingLong(Key::metricId)
                        .thenComparing(Key::source).thenComparing(Key::idempotencyKey)))
                .toList();
        Set<Key> stored = new HashSet<>();
        for (int start = 0; start < ordered.size(); start += ROWS_PER_STATEMENT) {
            stored.addAll(insert(ordered.subList(start, Math.min(ordered.size(), start + ROWS_PER_STATEMENT))));
        }
        List<Boolean> result = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            // a key repeated within the call counts as stored for its first reading only
            result.add(stored.remove(Key.of(reading)));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Set<Key> insert(List<Reading> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO reading (").append(COLUMNS).append(") VALUES ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(" : ", (");
            List<Object> values = values(rows.get(i));
            for (int v = 0; v < values.size(); v++) {
                Object value = values.get(v);
                sql.append(v == 0 ? "" : ", ");
                // NULL is written as a literal: a bound null has no type the driver could send
                if (value == null) {
                    sql.append("NULL");
                } else {
                    parameters.add(value);
                    sql.append('?').append(parameters.size());
                }
            }
            sql.append(')');
        }
        sql.append(" ON CONFLICT (metric_id, source, idempotency_key) DO NOTHING RETURNING metric_id, source, idempotency_key");
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        Set<Key> stored = new HashSet<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            stored.add(new Key(Rows.toLong(row[0]), (String) row[1], (String) row[2]));
        }
        return stored;
    }

    private static List<Object> values(Reading r) {
        Object[] stats = new Object[12];
        switch (r.statistics()) {
            case NpsStatistics s -> {
                stats[0] = s.promoters();
                stats[1] = s.passives();
                stats[2] = s.detractors();
            }
            case CsatStatistics s -> {
                stats[3] = s.satisfied();
                stats[4] = s.responses();
            }
            case MeanScoreStatistics s -> {
                stats[5] = s.sum();
                stats[6] = s.count();
            }
            case RatioStatistics s -> {
                stats[7] = s.numerator();
                stats[8] = s.denominator();
            }
            case GaugeStatistics s -> {
                stats[9] = s.lastValue();
                stats[10] = s.weight();
                stats[11] = s.lastAt();
            }
        }
        List<Object> values = new ArrayList<>(20);
        values.add(r.metric().id());
        values.add(r.kind().name());
        values.add(r.day());
        values.add(r.department() == null ? null : r.department().id());
        values.add(r.channel());
        values.addAll(Arrays.asList(stats));
        values.add(r.source());
        values.add(r.idempotencyKey());
        values.add(r.receivedAt());
        return values;
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
