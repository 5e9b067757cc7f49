package io.cxtracker.persistence.metric;

import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.ReadingRepository;
import io.cxtracker.persistence.shared.CopyIn;
import io.cxtracker.persistence.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * Stores readings with {@code INSERT … ON CONFLICT (metric_id, source, idempotency_key) DO NOTHING}: the
 * unique key decides, so a key is stored once however many requests race with it, and the statement's
 * {@code RETURNING} tells which rows this call stored.
 *
 * <p>A batch asks which of its keys are stored already (one statement, the keys as arrays), then COPYs the others
 * in; a batch whose probed keys are all new is copied without asking ({@link CopyIn#newRows}). COPY costs the database less than an INSERT that checks each row for a conflict and hands it back
 * (issue 17: an import within 2× a raw COPY). COPY has no ON CONFLICT, so a key that a racing transaction stored
 * between the question and the copy fails the copy; {@link CopyIn} undoes it (a savepoint) and the batch goes
 * the careful way, the INSERT below, which waits for the racer and skips its keys.
 *
 * <p>There each column travels as one array parameter and {@code unnest} turns the arrays back into rows: one short
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
        Set<Key> stored = copyNew(ordered);
        if (stored == null) {
            stored = insert(ordered);
        }
        List<Boolean> result = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            // a key repeated within the call counts as stored for its first reading only
            result.add(stored.remove(Key.of(reading)));
        }
        return result;
    }

    private static final String STORED = """
            SELECT k.n FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[])) WITH ORDINALITY
                            AS k(metric_id, source, key, n)
             WHERE EXISTS (SELECT 1 FROM reading r
                            WHERE r.metric_id = k.metric_id AND r.source = k.source AND r.idempotency_key = k.key)""";

    static final String COPY_COLUMNS = "metric_id, kind, day, department_id, channel, promoters, passives, detractors, "
            + "satisfied, responses, score_sum, score_count, numerator, denominator, gauge_value, gauge_weight, gauge_at, "
            + "source, idempotency_key, received_at";

    /**
     * Stores the readings whose keys are not stored yet with COPY, in the given (key) order; a key repeated in the
     * list is stored for its first reading. Answers the keys stored, or null when a racing transaction stored one
     * of them meanwhile (then nothing was).
     */
    private Set<Key> copyNew(List<Reading> ordered) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> CopyIn.newRows(connection, ordered, Key::of,
                JpaReadingRepository::stored, "reading", COPY_COLUMNS, ReadingColumns::copyRow));
    }

    /** Which of the readings' keys are stored (by an earlier transaction, or earlier in this one). */
    private static boolean[] stored(Connection connection, List<Reading> readings) throws SQLException {
        int n = readings.size();
        Long[] metricIds = new Long[n];
        String[] sources = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            Reading reading = readings.get(i);
            metricIds[i] = reading.metric().id();
            sources[i] = reading.source();
            keys[i] = reading.idempotencyKey();
        }
        boolean[] present = new boolean[n];
        try (PreparedStatement query = connection.prepareStatement(STORED)) {
            query.setArray(1, connection.createArrayOf("bigint", metricIds));
            query.setArray(2, connection.createArrayOf("text", sources));
            query.setArray(3, connection.createArrayOf("text", keys));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    present[(int) rs.getLong(1) - 1] = true;
                }
            }
        }
        return present;
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
                .getResultList().stream()
                .findFirst();
    }
}
