package io.cxtracker.domain.metric;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.listen.SurveyReadingConversion;
import io.cxtracker.domain.metric.ReadingOutcome.Status;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.testing.InMemory;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import io.cxtracker.domain.testing.TestUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadingIngestionServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private InMemory store;
    private InMemoryAuditTrail audit;

    @BeforeEach
    void metrics() {
        store = new InMemory();
        audit = new InMemoryAuditTrail();
        var support = store.department("support");
        store.metrics.add(new Metric(new MetricKey("nps"), "NPS", "points", MetricKind.NPS, Direction.HIGHER_IS_BETTER,
                support, ReportingFrequency.WEEKLY));
        store.metrics.add(new Metric(new MetricKey("csat"), "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER,
                support, ReportingFrequency.DAILY));
    }

    private ReadingIngestionService as(CurrentUser user) {
        return new ReadingIngestionService(store.metrics, store.departments, store.readings, user, CLOCK,
                audit.recorder(user), new SurveyReadingConversion(ZoneOffset.UTC, CesScale.ONE_TO_SEVEN));
    }

    @Test
    void aCesReadingsMeanMustLieOnTheConfiguredCesScaleLikeEachAnswer() {
        var support = store.departments.findByCode(new io.cxtracker.domain.shared.DepartmentCode("support")).orElseThrow();
        store.metrics.add(new Metric(new MetricKey("ces"), "CES", "points", MetricKind.MEAN_SCORE, Direction.LOWER_IS_BETTER,
                support, ReportingFrequency.DAILY));
        store.metrics.add(new Metric(new MetricKey("stars"), "Stars", "stars", MetricKind.MEAN_SCORE,
                Direction.HIGHER_IS_BETTER, support, ReportingFrequency.DAILY));
        // scale 1–7: ten answers sum to 10 … 70
        IngestionReport report = as(TestUser.surveyTool()).ingest(List.of(
                new NewReading("ces", MARCH_1, null, "a", StatisticsInput.meanScore(70, 10), null, "top"),
                new NewReading("ces", MARCH_1, null, "b", StatisticsInput.meanScore(10, 10), null, "bottom"),
                new NewReading("ces", MARCH_1, null, "c", StatisticsInput.meanScore(71, 10), null, "above"),
                new NewReading("ces", MARCH_1, null, "d", StatisticsInput.meanScore(9, 10), null, "below"),
                new NewReading("ces", MARCH_1, null, "e", StatisticsInput.meanScore(35.5, 10), null, "fraction"),
                new NewReading("stars", MARCH_1, null, null, StatisticsInput.meanScore(71, 10), null, "not-ces")));

        assertEquals(List.of(Status.ACCEPTED, Status.ACCEPTED, Status.REJECTED, Status.REJECTED, Status.ACCEPTED,
                Status.ACCEPTED), report.items().stream().map(ReadingOutcome::status).toList());
        assertEquals(List.of(new FieldViolation("statistics.sum", "a CES reading's answers are each 1 to 7 (the configured "
                + "CES scale), so 10 answers sum to 10 … 70; the sum 71 is a mean of 7.1")), report.items().get(2).reasons());
        assertEquals(List.of(new FieldViolation("statistics.sum", "a CES reading's answers are each 1 to 7 (the configured "
                + "CES scale), so 10 answers sum to 10 … 70; the sum 9 is a mean of 0.9")), report.items().get(3).reasons());
        assertEquals(4, store.readingRows.size());
    }

    @Test
    void theCesScaleIsTheConfiguredOne() {
        var support = store.departments.findByCode(new io.cxtracker.domain.shared.DepartmentCode("support")).orElseThrow();
        store.metrics.add(new Metric(new MetricKey("ces"), "CES", "points", MetricKind.MEAN_SCORE, Direction.LOWER_IS_BETTER,
                support, ReportingFrequency.DAILY));
        var user = TestUser.surveyTool();
        var oneToTen = new ReadingIngestionService(store.metrics, store.departments, store.readings, user, CLOCK,
                audit.recorder(user), new SurveyReadingConversion(ZoneOffset.UTC, CesScale.ONE_TO_TEN));
        IngestionReport report = oneToTen.ingest(List.of(
                new NewReading("ces", MARCH_1, null, null, StatisticsInput.meanScore(95, 10), null, "on-1-10"),
                new NewReading("ces", MARCH_1, null, "x", StatisticsInput.meanScore(101, 10), null, "off-1-10")));
        assertEquals(List.of(Status.ACCEPTED, Status.REJECTED), report.items().stream().map(ReadingOutcome::status).toList());
        assertEquals(List.of("statistics.sum"), fieldsOf(report.items().get(1)));
    }

    @Test
    void everyReadingOfABatchGetsItsOwnOutcome() {
        List<NewReading> batch = Arrays.asList(
                new NewReading("nps", MARCH_1, "support", "chat", StatisticsInput.nps(55, 25, 20), null, "a"),
                new NewReading("fcr", MARCH_1, null, null, StatisticsInput.ratio(1, 2), null, "b"),
                new NewReading("csat", MARCH_1, null, null, StatisticsInput.csat(51, 50), null, "c"),
                new NewReading("nps", MARCH_1, "support", "chat", StatisticsInput.nps(1, 0, 0), null, "a"),
                new NewReading("csat", MARCH_1, null, null, StatisticsInput.csat(41, 50), "bi-job", "d"),
                null,
                new NewReading("csat", LocalDate.of(2026, 3, 5), "legal", null, StatisticsInput.csat(1, 1), null, " "));

        IngestionReport report = as(TestUser.surveyTool()).ingest(batch);

        assertEquals(List.of(Status.ACCEPTED, Status.REJECTED, Status.REJECTED, Status.DUPLICATE, Status.ACCEPTED,
                Status.REJECTED, Status.REJECTED), report.items().stream().map(ReadingOutcome::status).toList());
        assertEquals(2, report.accepted());
        assertEquals(1, report.duplicates());
        assertEquals(4, report.rejected());
        assertEquals(List.of("metricKey"), fieldsOf(report.items().get(1)));
        assertEquals(List.of("statistics.satisfied"), fieldsOf(report.items().get(2)));
        assertEquals(List.of("departmentCode", "day", "idempotencyKey"), fieldsOf(report.items().get(6)));

        assertEquals(List.of("survey-tool", "bi-job"), store.readingRows.stream().map(Reading::source).toList());
        assertEquals(new NpsStatistics(55, 25, 20), store.readingRows.get(0).statistics());
        assertEquals("support", store.readingRows.get(0).department().code().value());
        assertEquals(CLOCK.instant(), store.readingRows.get(0).receivedAt());

        AuditEntry entry = audit.last(1);
        assertEquals(List.of("reading-batch", "create", "survey-tool"), List.of(entry.entityType(), entry.action(), entry.actor()));
        assertEquals(36, entry.entityId().length(), "a fresh batch id");
        assertEquals(null, entry.department(), "the batch mixes a department's reading with a program-wide one");
        assertEquals("csat,nps", entry.newValues().get("metricKeys"));
        assertEquals("bi-job,survey-tool", entry.newValues().get("sources"));
        assertEquals("2", entry.newValues().get("accepted"));
        assertEquals("1", entry.newValues().get("duplicates"));
        assertEquals("4", entry.newValues().get("rejected"));
    }

    @Test
    void aResentBatchIsAllDuplicatesAndStoresNothingTwice() {
        List<NewReading> batch = List.of(
                new NewReading("csat", MARCH_1, "support", null, StatisticsInput.csat(41, 50), null, "k1"),
                new NewReading("csat", MARCH_1, null, null, StatisticsInput.csat(30, 40), null, "k2"));
        assertEquals(2, as(TestUser.surveyTool()).ingest(batch).accepted());
        IngestionReport again = as(TestUser.surveyTool()).ingest(batch);
        assertEquals(0, again.accepted());
        assertEquals(2, again.duplicates());
        assertEquals(2, store.readingRows.size());
        assertEquals(1, audit.size(), "a batch that stored nothing wrote nothing and is not recorded");
    }

    @Test
    void onlyIngestClientsAndProgramAdminsPushReadings() {
        List<NewReading> one = List.of(new NewReading("csat", MARCH_1, null, null, StatisticsInput.csat(1, 1), null, "k"));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.executive()).ingest(one));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf("support")).ingest(one));
        assertEquals(1, as(TestUser.programAdmin()).ingest(one).accepted());
        AuditEntry entry = audit.last(1);
        assertEquals("ada", entry.actor());
        assertEquals("csat", entry.newValues().get("metricKeys"));
    }

    @Test
    void aBatchIsNeitherEmptyNorHuge() {
        fields(() -> as(TestUser.surveyTool()).ingest(List.of()), "readings");
        List<NewReading> huge = new ArrayList<>(Collections.nCopies(ReadingIngestionService.MAX_BATCH + 1,
                new NewReading("csat", MARCH_1, null, null, StatisticsInput.csat(1, 1), null, "k")));
        fields(() -> as(TestUser.surveyTool()).ingest(huge), "readings");
        assertEquals(0, store.readingRows.size());
        assertEquals(0, audit.size());
    }

    private static List<String> fieldsOf(ReadingOutcome outcome) {
        return outcome.reasons().stream().map(FieldViolation::field).toList();
    }
}
