package io.cxtracker.persistence.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.listen.BatchReport;
import io.cxtracker.domain.listen.NewSurveyResponse;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.ListenServices;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import io.cxtracker.persistence.support.TestUser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Survey answers against PostgreSQL: each answer is stored once by its source and key, its statistics are
 * added to the day/department/channel reading exactly once, and re-ingestion stores nothing new — also
 * when batches with overlapping keys race.
 */
@ExtendWith(PostgresExtension.class)
class SurveyIngestionOverPostgresTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T10:00:00Z");

    private TestDatabase db;
    private Department support;
    private String source;

    @BeforeEach
    void npsMetric(TestDatabase db) {
        this.db = db;
        this.source = Fixtures.unique("qualtrics");
        support = db.inTransaction(em -> {
            Department d = Fixtures.department(em, "support");
            if (em.createQuery("select count(m) from Metric m where m.key = 'nps'", Long.class).getSingleResult() == 0) {
                em.persist(new Metric(new MetricKey("nps"), "NPS", "points", MetricKind.NPS, Direction.HIGHER_IS_BETTER, d,
                        ReportingFrequency.DAILY));
            }
            return d;
        });
    }

    private BatchReport ingest(List<NewSurveyResponse> batch) {
        return db.inTransaction(em -> ListenServices.of(em, TestUser.ingestClient(), CLOCK).surveys().ingest(batch));
    }

    /** Scores 0..10 cycling: per 11 answers 2 promoters, 2 passives, 7 detractors. */
    private List<NewSurveyResponse> answers(int from, int to, String channel) {
        List<NewSurveyResponse> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(new NewSurveyResponse("NPS", i % 11, MARCH_1.plusSeconds(i), channel, support.code().value(), null,
                    source, "answer-" + i));
        }
        return batch;
    }

    /** promoters, passives, detractors of the readings of this test's source. */
    private long[] readingCounts() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(promoters), 0), coalesce(sum(passives), 0), "
                     + "coalesce(sum(detractors), 0), count(*) FROM reading WHERE source = '" + source + "'")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    private long storedAnswers() {
        return db.number("SELECT count(*) FROM survey_response WHERE source = '" + source + "'");
    }

    @Test
    void reIngestionStoresNothingNewAndTheReadingStaysExact() throws Exception {
        BatchReport first = ingest(answers(0, 2200, "chat"));
        assertEquals(2200, first.accepted());
        long[] counts = readingCounts();
        // 2200 = 200 × 11: 400 promoters (9, 10), 400 passives (7, 8), 1400 detractors (0..6), in one reading
        assertEquals(List.of(400L, 400L, 1400L, 1L), List.of(counts[0], counts[1], counts[2], counts[3]));

        BatchReport again = ingest(answers(0, 2200, "chat"));
        assertEquals(0, again.accepted());
        assertEquals(2200, again.duplicates());
        assertEquals(2200, storedAnswers());
        long[] after = readingCounts();
        assertEquals(List.of(400L, 400L, 1400L, 1L), List.of(after[0], after[1], after[2], after[3]));

        // a batch half old, half new adds only the new half to the same reading
        BatchReport overlapping = ingest(answers(1100, 3300, "chat"));
        assertEquals(1100, overlapping.accepted());
        assertEquals(1100, overlapping.duplicates());
        long[] grown = readingCounts();
        assertEquals(List.of(600L, 600L, 2100L, 1L), List.of(grown[0], grown[1], grown[2], grown[3]));
        assertEquals(3300, storedAnswers());
    }

    @Test
    void theReadingEqualsTheSumOfItsAnswers() {
        ingest(answers(0, 50, "phone"));
        ingest(answers(50, 130, "phone"));
        ingest(answers(130, 140, "email"));
        long fromAnswers = db.number("SELECT count(*) FILTER (WHERE score >= 9) * 1000000 + count(*) FILTER (WHERE score <= 6) "
                + "FROM survey_response WHERE source = '" + source + "' AND channel = 'phone'");
        long fromReading = db.number("SELECT promoters * 1000000 + detractors FROM reading WHERE source = '" + source
                + "' AND idempotency_key = 'survey:2026-03-01:" + support.code().value() + ":phone'");
        assertEquals(fromAnswers, fromReading);
        assertEquals(2, db.number("SELECT count(*) FROM reading WHERE source = '" + source + "'"));
    }

    private String comment(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Answers are copied in as text rows: a comment's tabs, line breaks and backslashes must arrive as they were. */
    @Test
    void aCommentWithTabsLineBreaksAndBackslashesIsStoredAsWritten() throws Exception {
        String comment = "waited\t20 min\r\nthen: C:\\queue\\N \\N — ok";
        String other = "\\N";
        ingest(List.of(new NewSurveyResponse("NPS", 3, MARCH_1, "chat", support.code().value(), comment, source, "odd-1"),
                new NewSurveyResponse("NPS", 4, MARCH_1, "chat", support.code().value(), other, source, "odd-2"),
                new NewSurveyResponse("NPS", 5, MARCH_1, "chat", support.code().value(), null, source, "odd-3")));
        assertEquals(comment, comment("SELECT comment FROM survey_response WHERE source = '" + source
                + "' AND idempotency_key = 'odd-1'"));
        assertEquals(other, comment("SELECT comment FROM survey_response WHERE source = '" + source
                + "' AND idempotency_key = 'odd-2'"));
        assertEquals(1, db.number("SELECT count(*) FROM survey_response WHERE source = '" + source
                + "' AND idempotency_key = 'odd-3' AND comment IS NULL"));
    }

    /** Four batches with overlapping keys, started together: every answer counted once, no deadlock, exact sums. */
    @Test
    void racingBatchesCountEveryAnswerOnce() throws Exception {
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BatchReport>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 500;
                Callable<BatchReport> work = () -> {
                    List<NewSurveyResponse> batch = answers(offset, offset + 1100, "chat");
                    if (offset % 1000 == 0) {
                        java.util.Collections.reverse(batch);
                    }
                    start.await();
                    return ingest(batch);
                };
                results.add(pool.submit(work));
            }
            int accepted = 0;
            for (Future<BatchReport> result : results) {
                accepted += result.get(60, TimeUnit.SECONDS).accepted();
            }
            // keys 0..2599 in all
            assertEquals(2600, accepted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2600, storedAnswers());
        long[] counts = readingCounts();
        long promoters = 0;
        long passives = 0;
        for (int i = 0; i < 2600; i++) {
            int score = i % 11;
            promoters += score >= 9 ? 1 : 0;
            passives += score == 7 || score == 8 ? 1 : 0;
        }
        assertEquals(List.of(promoters, passives, 2600 - promoters - passives),
                List.of(counts[0], counts[1], counts[2]));
    }
}
