package io.cxtracker.domain.listen;

import io.cxtracker.domain.metric.CesScale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.ReadingOutcome.Status;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.testing.InMemory;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import io.cxtracker.domain.testing.TestUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SurveyIngestionServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    private static final Instant MARCH_1_MORNING = Instant.parse("2026-03-01T09:15:00Z");

    private InMemory store;
    private InMemorySurveyResponses responses;
    private InMemoryAuditTrail audit;

    @BeforeEach
    void metrics() {
        store = new InMemory();
        responses = new InMemorySurveyResponses();
        audit = new InMemoryAuditTrail();
        var support = store.department("support");
        store.department("billing");
        store.metrics.add(new Metric(new MetricKey("nps"), "NPS", "points", MetricKind.NPS, Direction.HIGHER_IS_BETTER,
                support, ReportingFrequency.DAILY));
        store.metrics.add(new Metric(new MetricKey("csat"), "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER,
                support, ReportingFrequency.DAILY));
        // "ces" is defined with the wrong kind on purpose: CES answers need a mean-score metric
        store.metrics.add(new Metric(new MetricKey("ces"), "CES", "score", MetricKind.RATIO, Direction.LOWER_IS_BETTER,
                support, ReportingFrequency.DAILY));
    }

    private SurveyIngestionService as(CurrentUser user) {
        return new SurveyIngestionService(store.metrics, store.departments, responses,
                new SurveyReadingConversion(ZoneOffset.UTC, CesScale.ONE_TO_SEVEN), user, CLOCK, audit.recorder(user));
    }

    private static NewSurveyResponse nps(int score, String department, String channel, String key) {
        return new NewSurveyResponse("NPS", score, MARCH_1_MORNING, channel, department, null, null, key);
    }

    @Test
    void answersAddUpToOneReadingPerDayDepartmentAndChannelWithExactCounts() {
        // support/chat: 10, 9, 8, 3 → 2 promoters, 1 passive, 1 detractor; support/phone: 6 → 1 detractor
        List<NewSurveyResponse> batch = List.of(nps(10, "support", "chat", "a"), nps(9, "support", "chat", "b"),
                nps(8, "support", "chat", "c"), nps(3, "support", "chat", "d"), nps(6, "support", "phone", "e"),
                new NewSurveyResponse("CSAT", 4, MARCH_1_MORNING, null, null, null, null, "f"),
                new NewSurveyResponse("csat", 2, MARCH_1_MORNING, null, null, null, null, "g"));

        BatchReport report = as(TestUser.surveyTool()).ingest(batch);

        assertEquals(7, report.accepted());
        assertEquals(new NpsStatistics(2, 1, 1), responses.readings.get("nps/survey-tool/survey:2026-03-01:support:chat"));
        assertEquals(new NpsStatistics(0, 0, 1), responses.readings.get("nps/survey-tool/survey:2026-03-01:support:phone"));
        assertEquals(new CsatStatistics(1, 2), responses.readings.get("csat/survey-tool/survey:2026-03-01:-:-"));
        assertEquals(3, responses.readings.size());
        assertEquals("survey-batch", audit.last(1).entityType());
        assertEquals("7", audit.last(1).newValues().get("accepted"));
    }

    @Test
    void resentAnswersAreDuplicatesAndAddNothing() {
        SurveyIngestionService service = as(TestUser.surveyTool());
        service.ingest(List.of(nps(10, "support", "chat", "a"), nps(3, "support", "chat", "b")));

        BatchReport again = service.ingest(List.of(nps(10, "support", "chat", "a"), nps(9, "support", "chat", "c"),
                nps(9, "support", "chat", "c")));

        assertEquals(List.of(Status.DUPLICATE, Status.ACCEPTED, Status.DUPLICATE),
                again.items().stream().map(BatchOutcome::status).toList());
        // 10 and 3 from the first batch, 9 (once) from the second
        assertEquals(new NpsStatistics(2, 0, 1), responses.readings.get("nps/survey-tool/survey:2026-03-01:support:chat"));
        assertEquals(3, responses.stored.size());
    }

    @Test
    void theSameKeyFromAnotherSourceIsAnotherAnswer() {
        SurveyIngestionService service = as(TestUser.surveyTool());
        service.ingest(List.of(nps(10, null, null, "a")));
        BatchReport other = service.ingest(List.of(new NewSurveyResponse("NPS", 10, MARCH_1_MORNING, null, null, null,
                "medallia", "a")));
        assertEquals(1, other.accepted());
        assertEquals(new NpsStatistics(1, 0, 0), responses.readings.get("nps/medallia/survey:2026-03-01:-:-"));
    }

    @Test
    void everyBadAnswerIsRejectedWithAllItsReasonsAndTheGoodOnesAreKept() {
        List<NewSurveyResponse> batch = Arrays.asList(
                nps(11, "support", "chat", "off-scale"),
                new NewSurveyResponse("STARS", 4, MARCH_1_MORNING, null, null, null, null, "unknown-kind"),
                new NewSurveyResponse("CES", 3, MARCH_1_MORNING, null, null, null, null, "wrong-metric-kind"),
                new NewSurveyResponse("NPS", null, Instant.parse("2026-03-03T08:00:00Z"), "Chat!", "legal", null, null, " "),
                null,
                nps(9, "support", "chat", "good"));

        BatchReport report = as(TestUser.surveyTool()).ingest(batch);

        assertEquals(1, report.accepted());
        assertEquals(5, report.rejected());
        assertEquals(List.of(new FieldViolation("score", "a NPS score is 0 to 10, was 11")), report.items().get(0).reasons());
        assertEquals(List.of("kind"), fields(report, 1));
        assertEquals(List.of(new FieldViolation("kind",
                "metric 'ces' is of kind RATIO, not MEAN_SCORE as CES answers need")), report.items().get(2).reasons());
        assertEquals(List.of("score", "departmentCode", "answeredAt", "channel", "idempotencyKey"), fields(report, 3));
        assertEquals(List.of("response"), fields(report, 4));
        assertEquals(1, responses.stored.size());
    }

    private static List<String> fields(BatchReport report, int index) {
        return report.items().get(index).reasons().stream().map(FieldViolation::field).toList();
    }

    @Test
    void cesAnswersOnTheConfiguredScaleBecomeAMeanScore() {
        store.metricRows.removeIf(m -> m.key().value().equals("ces"));
        store.metrics.add(new Metric(new MetricKey("ces"), "CES", "score", MetricKind.MEAN_SCORE, Direction.LOWER_IS_BETTER,
                store.department("product"), ReportingFrequency.DAILY));
        BatchReport report = as(TestUser.surveyTool()).ingest(List.of(
                new NewSurveyResponse("CES", 2, MARCH_1_MORNING, null, null, null, null, "a"),
                new NewSurveyResponse("CES", 5, MARCH_1_MORNING, null, null, null, null, "b"),
                new NewSurveyResponse("CES", 8, MARCH_1_MORNING, null, null, null, null, "c")));
        assertEquals(2, report.accepted());
        assertEquals(List.of(new FieldViolation("score", "a CES score is 1 to 7, was 8")), report.items().get(2).reasons());
        assertEquals(new MeanScoreStatistics(7, 2), responses.readings.get("ces/survey-tool/survey:2026-03-01:-:-"));
    }

    @Test
    void onlyIngestClientsAndProgramAdminsMaySendAnswers() {
        List<NewSurveyResponse> batch = List.of(nps(9, null, null, "a"));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf("support")).ingest(batch));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.executive()).ingest(batch));
        assertEquals(1, as(TestUser.programAdmin()).ingest(batch).accepted());
        assertEquals(0, responses.readings.size() - 1);
    }

    @Test
    void aBatchIsOneToTenThousandAnswers() {
        SurveyIngestionService service = as(TestUser.surveyTool());
        assertThrows(InvalidInputException.class, () -> service.ingest(List.of()));
        List<NewSurveyResponse> tooMany = new ArrayList<>(Collections.nCopies(SurveyIngestionService.MAX_BATCH + 1,
                nps(9, null, null, "a")));
        assertThrows(InvalidInputException.class, () -> service.ingest(tooMany));
    }
}
