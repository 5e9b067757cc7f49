package io.cxtracker.persistence.listen;

import io.cxtracker.domain.listen.RecordedSurveyResponse;
import io.cxtracker.domain.listen.SurveyResponseRepository;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.persistence.metric.ReadingColumns;
import io.cxtracker.persistence.shared.CopyIn;
import io.cxtracker.persistence.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * Survey answers with {@code INSERT … ON CONFLICT (source, idempotency_key) DO NOTHING RETURNING}: the unique
 * key decides, so an answer is counted once however many requests race with it; a racing request waits for
 * the other's transaction and then skips its keys. Readings made from answers are running sums, written with
 * {@code ON CONFLICT (metric_id, source, idempotency_key) DO UPDATE SET promoters = reading.promoters +
 * excluded.promoters, …}: the row lock makes concurrent additions serial, so no answer is lost or counted
 * twice. Rows go in sorted by key, the same order in every transaction, so overlapping batches wait for each
 * other instead of deadlocking.
 *
 * <p>Answers go in the way readings do (JpaReadingRepository, {@link CopyIn#newRows}): COPY stores the answers whose
 * keys are not stored (a batch whose probed keys are all new is copied at once, else one statement asks which keys
 * are stored), and only when a racing transaction took one of them meanwhile (the copy fails, undone by its
 * savepoint) does the batch go through the INSERT … ON CONFLICT below. There, and for the readings made from
 * answers, each column travels as one array parameter and {@code unnest} turns the arrays back into rows: one
 * short statement for a whole batch, whatever its size, instead of thousands of bound parameters.
 */
@ApplicationScoped
public class JpaSurveyResponseRepository implements SurveyResponseRepository {

    private static final String INSERT_ANSWERS = """
            INSERT INTO survey_response (source, idempotency_key, kind, score, answered_at, day, department_id, channel,
                                         comment, metric_id, received_at)
            SELECT a.source, a.key, a.kind, a.score, a.answered_at::timestamptz, a.day::date, a.department_id, a.channel,
                   a.comment, a.metric_id, CAST(?11 AS timestamptz)
              FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS smallint[]),
                          CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS bigint[]), CAST(?8 AS text[]),
                          CAST(?9 AS text[]), CAST(?10 AS bigint[])) WITH ORDINALITY
                   AS a(source, key, kind, score, answered_at, day, department_id, channel, comment, metric_id, n)
             ORDER BY a.n
            ON CONFLICT (source, idempotency_key) DO NOTHING
            RETURNING source, idempotency_key""";

    // NULL + n stays NULL: the statistics of the other kinds stay NULL, as the reading's CHECK wants
    private static final String ADD_TO_READINGS = """
            INSERT INTO reading (metric_id, kind, day, department_id, channel, promoters, passives, detractors, satisfied,
                                 responses, score_sum, score_count, source, idempotency_key, received_at)
            SELECT r.metric_id, r.kind, r.day::date, r.department_id, r.channel, r.promoters, r.passives, r.detractors,
                   r.satisfied, r.responses, r.score_sum, r.score_count, r.source, r.key, CAST(?15 AS timestamptz)
              FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS bigint[]),
                          CAST(?5 AS text[]), CAST(?6 AS bigint[]), CAST(?7 AS bigint[]), CAST(?8 AS bigint[]),
                          CAST(?9 AS bigint[]), CAST(?10 AS bigint[]), CAST(?11 AS float8[]), CAST(?12 AS bigint[]),
                          CAST(?13 AS text[]), CAST(?14 AS text[])) WITH ORDINALITY
                   AS r(metric_id, kind, day, department_id, channel, promoters, passives, detractors, satisfied,
                        responses, score_sum, score_count, source, key, n)
             ORDER BY r.n
            ON CONFLICT (metric_id, source, idempotency_key) DO UPDATE SET
                promoters = reading.promoters + excluded.promoters,
                passives = reading.passives + excluded.passives,
                detractors = reading.detractors + excluded.detractors,
                satisfied = reading.satisfied + excluded.satisfied,
                responses = reading.responses + excluded.responses,
                score_sum = reading.score_sum + excluded.score_sum,
                score_count = reading.score_count + excluded.score_count""";

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaSurveyResponseRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaSurveyResponseRepository(EntityManager em) {
        this.em = em;
    }

    private record Key(String source, String idempotencyKey) {
        static Key of(RecordedSurveyResponse r) {
            return new Key(r.source(), r.response().idempotencyKey());
        }
    }

    @Override
    public List<Boolean> addAllIfAbsent(List<RecordedSurveyResponse> responses) {
        if (responses.isEmpty()) {
            return List.of();
        }
        // compared field by field: a Key made per comparison cost more than the comparing, on 10,000 rows a batch
        List<RecordedSurveyResponse> rows = responses.stream()
                .sorted(Comparator.comparing(RecordedSurveyResponse::source)
                        .thenComparing(r -> r.response().idempotencyKey()))
                .toList();
        Set<Key> stored = copyNew(rows);
        if (stored == null) {
            stored = insert(rows);
        }
        List<Boolean> result = new ArrayList<>(responses.size());
        for (RecordedSurveyResponse response : responses) {
            // a key repeated within the call counts as stored for its first answer only
            result.add(stored.remove(Key.of(response)));
        }
        return result;
    }

    private static final String STORED = """
            SELECT k.n FROM unnest(CAST(? AS text[]), CAST(? AS text[])) WITH ORDINALITY AS k(source, key, n)
             WHERE EXISTS (SELECT 1 FROM survey_response a WHERE a.source = k.source AND a.idempotency_key = k.key)""";

    private static final String COPY_COLUMNS = "source, idempotency_key, kind, score, answered_at, day, department_id, "
            + "channel, comment, metric_id, received_at";

    /**
     * Stores the answers whose keys are not stored yet with COPY, in the given (key) order; a key repeated in the
     * list is stored for its first answer. Answers the keys stored, or null when a racing transaction stored one
     * of them meanwhile (then nothing was).
     */
    private Set<Key> copyNew(List<RecordedSurveyResponse> ordered) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> CopyIn.newRows(connection, ordered, Key::of,
                JpaSurveyResponseRepository::stored, "survey_response", COPY_COLUMNS, (r, rows) -> rows.text(r.source())
                        .text(r.response().idempotencyKey()).plain(r.response().kind().name())
                        .number((long) r.response().score()).temporal(r.response().answeredAt()).temporal(r.day())
                        .number(r.department() == null ? null : r.department().id()).text(r.response().channel())
                        .text(r.response().comment()).number(r.metric().id()).temporal(r.receivedAt()).endRow()));
    }

    /** Which of the answers' keys are stored (by an earlier transaction, or earlier in this one). */
    private static boolean[] stored(Connection connection, List<RecordedSurveyResponse> responses) throws SQLException {
        int n = responses.size();
        String[] sources = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            sources[i] = responses.get(i).source();
            keys[i] = responses.get(i).response().idempotencyKey();
        }
        boolean[] present = new boolean[n];
        try (PreparedStatement query = connection.prepareStatement(STORED)) {
            query.setArray(1, connection.createArrayOf("text", sources));
            query.setArray(2, connection.createArrayOf("text", keys));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    present[(int) rs.getLong(1) - 1] = true;
                }
            }
        }
        return present;
    }

    /** INSERT … ON CONFLICT DO NOTHING of the answers in the given order: waits for racers, skips their keys. */
    @SuppressWarnings("unchecked")
    private Set<Key> insert(List<RecordedSurveyResponse> rows) {
        int n = rows.size();
        String[] sources = new String[n];
        String[] keys = new String[n];
        String[] kinds = new String[n];
        Short[] scores = new Short[n];
        String[] answeredAt = new String[n];
        String[] days = new String[n];
        Long[] departments = new Long[n];
        String[] channels = new String[n];
        String[] comments = new String[n];
        Long[] metrics = new Long[n];
        for (int i = 0; i < n; i++) {
            RecordedSurveyResponse r = rows.get(i);
            sources[i] = r.source();
            keys[i] = r.response().idempotencyKey();
            kinds[i] = r.response().kind().name();
            scores[i] = (short) r.response().score();
            answeredAt[i] = r.response().answeredAt().toString();
            days[i] = r.day().toString();
            departments[i] = r.department() == null ? null : r.department().id();
            channels[i] = r.response().channel();
            comments[i] = r.response().comment();
            metrics[i] = r.metric().id();
        }
        List<Object[]> inserted = em.createNativeQuery(INSERT_ANSWERS)
                .setParameter(1, sources).setParameter(2, keys).setParameter(3, kinds).setParameter(4, scores)
                .setParameter(5, answeredAt).setParameter(6, days).setParameter(7, departments).setParameter(8, channels)
                .setParameter(9, comments).setParameter(10, metrics).setParameter(11, rows.get(0).receivedAt().toString())
                .getResultList();
        Set<Key> stored = new HashSet<>();
        for (Object[] row : inserted) {
            stored.add(new Key((String) row[0], (String) row[1]));
        }
        return stored;
    }

    @Override
    public void addToReadings(List<Reading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        List<Reading> rows = readings.stream()
                .sorted(Comparator.comparing((Reading r) -> r.metric().id()).thenComparing(Reading::source)
                        .thenComparing(Reading::idempotencyKey))
                .toList();
        for (Reading r : rows) {
            if (r.kind() != MetricKind.NPS && r.kind() != MetricKind.CSAT && r.kind() != MetricKind.MEAN_SCORE) {
                throw new IllegalArgumentException("survey answers make NPS, CSAT or mean-score readings, not " + r.kind());
            }
        }
        ReadingColumns c = ReadingColumns.of(rows);
        em.createNativeQuery(ADD_TO_READINGS)
                .setParameter(1, c.metrics()).setParameter(2, c.kinds()).setParameter(3, c.days())
                .setParameter(4, c.departments()).setParameter(5, c.channels()).setParameter(6, c.promoters())
                .setParameter(7, c.passives()).setParameter(8, c.detractors()).setParameter(9, c.satisfied())
                .setParameter(10, c.responses()).setParameter(11, c.scoreSums()).setParameter(12, c.scoreCounts())
                .setParameter(13, c.sources()).setParameter(14, c.keys())
                .setParameter(15, rows.get(0).receivedAt().toString())
                .executeUpdate();
    }

    @Override
    public long countByMetric(long metricId) {
        return Rows.toLong(em.createNativeQuery("SELECT count(*) FROM survey_response WHERE metric_id = ?1")
                .setParameter(1, metricId).getSingleResult());
    }
}
