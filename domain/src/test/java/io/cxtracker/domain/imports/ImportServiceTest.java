package io.cxtracker.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.metric.CesScale;
import io.cxtracker.domain.listen.InMemorySurveyResponses;
import io.cxtracker.domain.listen.SurveyIngestionService;
import io.cxtracker.domain.listen.SurveyReadingConversion;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.RatioStatistics;
import io.cxtracker.domain.metric.ReadingIngestionService;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.testing.InMemory;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import io.cxtracker.domain.testing.TestUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    private InMemory store;
    private InMemorySurveyResponses responses;
    private InMemoryAuditTrail audit;

    @BeforeEach
    void metrics() {
        store = new InMemory();
        responses = new InMemorySurveyResponses();
        audit = new InMemoryAuditTrail();
        var support = store.department("support");
        store.metrics.add(new Metric(new MetricKey("fdr"), "FDR", "%", MetricKind.RATIO, Direction.HIGHER_IS_BETTER,
                support, ReportingFrequency.DAILY));
        store.metrics.add(new Metric(new MetricKey("nps"), "NPS", "points", MetricKind.NPS, Direction.HIGHER_IS_BETTER,
                support, ReportingFrequency.DAILY));
    }

    private ImportService as(CurrentUser user) {
        var readings = new ReadingIngestionService(store.metrics, store.departments, store.readings, user, CLOCK,
                audit.recorder(user), new SurveyReadingConversion(ZoneOffset.UTC, CesScale.ONE_TO_SEVEN));
        var surveys = new SurveyIngestionService(store.metrics, store.departments, responses,
                new SurveyReadingConversion(ZoneOffset.UTC, CesScale.ONE_TO_SEVEN), user, CLOCK, audit.recorder(user));
        return new ImportService(readings, surveys, user, audit.recorder(user));
    }

    /** Rows as the CSV adapter hands them over: line 1 is the header, so rows start at line 2. */
    private static RowSource rows(String header, String... lines) {
        String[] fields = header.split(",", -1);
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String[] values = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int f = 0; f < fields.length; f++) {
                row.put(fields[f], f < values.length ? values[f] : null);
            }
            rows.add(new ImportRow(i + 2, row));
        }
        Iterator<ImportRow> it = rows.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    private static final String READINGS = "metricKey,day,departmentCode,numerator,denominator,idempotencyKey";

    @Test
    void aFileWithBadRowsIsRefusedWithEveryErrorByLineAndField() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> as(TestUser.surveyTool())
                .importReadings(rows(READINGS,
                        "fdr,2026-03-01,support,60,100,r1",
                        "fdr,2026-03-01,support,61,abc,r2",
                        "fdr,01/03/2026,support,5,4,r3",
                        "fdr,2026-03-01,legal,60,100,r4",
                        "fdr,2026-03-01,support,62,100,r5"), false));

        ImportReport report = e.report();
        assertEquals(5, report.rows());
        assertEquals(2, report.accepted());
        assertEquals(3, report.rejected());
        assertEquals(false, report.stored());
        assertEquals(List.of(
                new ImportError(3, "denominator", "must be a whole number, was 'abc'"),
                new ImportError(4, "day", "must be a day such as 2026-03-01, was '01/03/2026'"),
                new ImportError(5, "departmentCode", "no department has the code 'legal'")), report.errors());
    }

    @Test
    void validOnlyKeepsTheGoodRowsAndReportsTheBadOnes() {
        ImportReport report = as(TestUser.surveyTool()).importReadings(rows(READINGS,
                "fdr,2026-03-01,support,60,100,r1",
                "fdr,2026-03-01,support,5,4,r2"), true);
        assertEquals(1, report.accepted());
        assertEquals(1, report.rejected());
        assertEquals(true, report.stored());
        assertEquals(List.of(new ImportError(3, "numerator", "must not exceed denominator (4)")), report.errors());
        assertEquals(new RatioStatistics(60, 100), store.readingRows.get(0).statistics());
        assertEquals("import", audit.entries.getLast().entityType());
    }

    @Test
    void reImportingAFileStoresNothingNewAlsoWithoutAKeyColumn() {
        ImportService service = as(TestUser.surveyTool());
        String header = "metricKey,day,departmentCode,numerator,denominator";
        service.importReadings(rows(header, "fdr,2026-03-01,support,60,100", "fdr,2026-03-02,support,70,100"), false);
        ImportReport again = service.importReadings(rows(header, "fdr,2026-03-01,support,60,100",
                "fdr,2026-03-02,support,70,100", "fdr,2026-03-02,support,71,100"), false);
        assertEquals(1, again.accepted());
        assertEquals(2, again.duplicates());
        assertEquals(3, store.readingRows.size());
        assertTrue(store.readingRows.get(0).idempotencyKey().startsWith(ImportService.DERIVED_KEY_PREFIX));
    }

    @Test
    void surveyAnswersFromAFileBecomeReadings() {
        ImportReport report = as(TestUser.surveyTool()).importSurveyResponses(rows(
                "kind,score,answeredAt,channel,departmentCode,idempotencyKey",
                "NPS,10,2026-03-01T10:00:00Z,chat,support,s1",
                "NPS,6,2026-03-01 11:00:00,chat,support,s2",
                "NPS,9,2026-03-01T12:00:00+01:00,chat,support,s3"), false);
        assertEquals(3, report.accepted());
        assertEquals(new NpsStatistics(2, 0, 1), responses.readings.get("nps/survey-tool/survey:2026-03-01:support:chat"));
    }

    @Test
    void aFileOfSeveralBatchesWritesEachOfItsReadingsOnceWithTheSumOfAllItsAnswers() {
        // 20,001 answers, one day, department and channel, three batches of at most 10,000; scores 0, 1, … 10, 0, …:
        // 20,001 = 11 × 1,818 + 3, so scores 0, 1 and 2 come 1,819 times and the others 1,818 times
        String[] lines = new String[20_001];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "NPS," + (i % 11) + ",2026-03-01T10:00:00Z,chat,support,a" + i;
        }
        ImportReport report = as(TestUser.surveyTool()).importSurveyResponses(rows(
                "kind,score,answeredAt,channel,departmentCode,idempotencyKey", lines), false);

        assertEquals(20_001, report.accepted());
        assertEquals(1, responses.readingWrites.size(), "the readings are written once, after the last batch");
        assertEquals(1, responses.readingWrites.getFirst().size());
        // promoters 9, 10: 2 × 1,818; passives 7, 8: 2 × 1,818; detractors 0–6: 3 × 1,819 + 4 × 1,818
        assertEquals(new NpsStatistics(3_636, 3_636, 12_729),
                responses.readings.get("nps/survey-tool/survey:2026-03-01:support:chat"));
    }

    @Test
    void aBadSurveyRowNamesItsField() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> as(TestUser.surveyTool())
                .importSurveyResponses(rows("kind,score,answeredAt,idempotencyKey",
                        "NPS,ten,2026-03-01T10:00:00Z,s1",
                        "NPS,12,2026-03-01T10:00:00Z,s2",
                        "NPS,9,yesterday,s3"), false));
        assertEquals(List.of(
                new ImportError(2, "score", "must be a whole number, was 'ten'"),
                new ImportError(3, "score", "a NPS score is 0 to 10, was 12"),
                new ImportError(4, "answeredAt", "must be a time such as 2026-03-01T09:30:00Z, was 'yesterday'")),
                e.report().errors());
    }

    @Test
    void onlyIngestClientsAndProgramAdminsImportAndAnEmptyFileIsRefused() {
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf("support")).importReadings(rows(READINGS), false));
        assertThrows(io.cxtracker.domain.shared.InvalidInputException.class,
                () -> as(TestUser.programAdmin()).importReadings(rows(READINGS), false));
    }

    @Test
    void aMegabyteNumberCellIsRefusedAtOnceWithItsLength() {
        String huge = "9".repeat(1 << 20);
        String almostANumber = "1".repeat(30_000) + "x";
        // warm the code paths first: the figure is the refusal, not class loading
        assertThrows(ImportRejectedException.class, () -> as(TestUser.surveyTool()).importReadings(rows(READINGS,
                "fdr,2026-03-01,support," + "9".repeat(100) + ",100,w1"), false));

        RowSource file = rows(READINGS,
                "fdr,2026-03-01,support," + huge + ",100,r1",
                "fdr,2026-03-01,support,60," + almostANumber + ",r2",
                "fdr," + huge + ",support,60,100,r3");
        ImportService service = as(TestUser.surveyTool());

        long started = System.nanoTime();
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> service.importReadings(file, false));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(List.of(
                new ImportError(2, "numerator", "holds 1048576 characters; no field of an import is longer than 4000 ('"
                        + "9".repeat(40) + "…')"),
                new ImportError(3, "denominator", "holds 30001 characters; no field of an import is longer than 4000 ('"
                        + "1".repeat(40) + "…')"),
                new ImportError(4, "day", "holds 1048576 characters; no field of an import is longer than 4000 ('"
                        + "9".repeat(40) + "…')")), e.report().errors());
        // generous for a shared build machine: the refusal itself is a length check (a few ms measured)
        assertTrue(millis < 100, "three huge cells took " + millis + " ms");
        System.out.println("FIGURE import refusing two 1 MiB cells and a 30,001-digit cell: " + millis + " ms");
    }

    @Test
    void aDecimalCellTooLongToBeANumberIsRefusedAndAShortOneStillParses() {
        store.metrics.add(new Metric(new MetricKey("ces"), "CES", "points", MetricKind.MEAN_SCORE, Direction.LOWER_IS_BETTER,
                store.departments.findByCode(new io.cxtracker.domain.shared.DepartmentCode("support")).orElseThrow(),
                ReportingFrequency.DAILY));
        String header = "metricKey,day,sum,count,idempotencyKey";
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> as(TestUser.surveyTool())
                .importReadings(rows(header,
                        "ces,2026-03-01,  0000000000000000000000000000000000045.5  ,10,m1",
                        "ces,2026-03-01,0." + "5".repeat(40) + ",1,m2",
                        "ces,2026-03-01,71,10,m3",
                        "ces,2026-03-01,45,1" + "0".repeat(3000) + ",m4"), false));
        assertEquals(List.of(
                new ImportError(3, "sum", "must be a number of at most 40 characters, was 42 characters long ('0."
                        + "5".repeat(38) + "…')"),
                new ImportError(4, "sum", "a CES reading's answers are each 1 to 7 (the configured CES scale), so 10 "
                        + "answers sum to 10 … 70; the sum 71 is a mean of 7.1"),
                new ImportError(5, "count", "must be a whole number of at most 40 characters, was 3001 characters long "
                        + "('1" + "0".repeat(39) + "…')")), e.report().errors());
        assertEquals(1, e.report().accepted(), "45.5 with 35 leading zeros: 43 characters with its spaces, 39 without");
    }

    @Test
    void textPostgresCannotStoreRefusesTheRowNamingTheField() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> as(TestUser.surveyTool())
                .importSurveyResponses(rows("kind,score,answeredAt,comment,source,idempotencyKey",
                        "NPS,9,2026-03-01T10:00:00Z,fine,web,k1",
                        "NPS,9,2026-03-01T10:00:00Z,fine,web,k-\ud800",
                        "NPS,9,2026-03-01T10:00:00Z,half \udc00,web,k3",
                        "NPS,9,2026-03-01T10:00:00Z,fine,we\u0000b,k4"), false));
        assertEquals(List.of(
                new ImportError(3, "idempotencyKey", "holds a lone UTF-16 surrogate \\ud800 at character 3, which is not "
                        + "a character and cannot be stored; send valid Unicode text"),
                new ImportError(4, "comment", "holds a lone UTF-16 surrogate \\udc00 at character 6, which is not a "
                        + "character and cannot be stored; send valid Unicode text"),
                new ImportError(5, "source", "must not contain NUL characters")), e.report().errors());
    }
}
