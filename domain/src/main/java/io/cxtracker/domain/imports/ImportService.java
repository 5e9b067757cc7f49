package io.cxtracker.domain.imports;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.listen.BatchReport;
import io.cxtracker.domain.listen.NewSurveyResponse;
import io.cxtracker.domain.listen.PreparedSurveyResponse;
import io.cxtracker.domain.listen.SurveyIngestionService;
import io.cxtracker.domain.listen.SurveyReadingSums;
import io.cxtracker.domain.metric.IngestionReport;
import io.cxtracker.domain.metric.NewReading;
import io.cxtracker.domain.metric.ReadingIngestionService;
import io.cxtracker.domain.metric.ReadingOutcome;
import io.cxtracker.domain.metric.StatisticsInput;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Imports of the files contact-center and survey tools export: metric readings and survey responses.
 * The rows stream through in batches to the same ingestion services the API's bulk endpoints use, inside
 * one transaction. A file with errors stores nothing — the report lists every bad row (line, field,
 * reason) — unless the caller chooses to store only the valid rows. Re-importing a file stores nothing
 * new: rows are idempotent by their key, or, for a file without a key column, by their content.
 */
@ApplicationScoped
@Transactional
public class ImportService {
    /** Beyond this a file should be split: one import is one transaction. */
    public static final long MAX_ROWS = 1_000_000;
    public static final int MAX_REPORTED_ERRORS = 1000;
    static final int READING_BATCH = ReadingIngestionService.MAX_BATCH;
    static final int SURVEY_BATCH = SurveyIngestionService.MAX_BATCH;
    /** Keys made for rows of a file without a key column start with this. */
    public static final String DERIVED_KEY_PREFIX = "row:";

    private final ReadingIngestionService readings;
    private final SurveyIngestionService surveys;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;

    /** For the CDI proxy only. */
    protected ImportService() {
        this(null, null, null, null);
    }

    @Inject
    public ImportService(ReadingIngestionService readings, SurveyIngestionService surveys, CurrentUser currentUser,
            AuditRecorder audit) {
        this.readings = readings;
        this.surveys = surveys;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * @param validOnly store the valid rows of a file with errors (else such a file stores nothing)
     * @throws ImportRejectedException when the file has errors and {@code validOnly} is false
     */
    public ImportReport importReadings(RowSource rows, boolean validOnly) {
        Authority.requireCanIngest(currentUser, "import metric readings");
        return run("readings", rows, validOnly, READING_BATCH, ImportService::toReading, batch -> {
            IngestionReport report = readings.ingest(batch);
            return report.items().stream().map(ImportService::outcomeOf).toList();
        });
    }

    /**
     * @param validOnly store the valid rows of a file with errors (else such a file stores nothing)
     * @throws ImportRejectedException when the file has errors and {@code validOnly} is false
     */
    public ImportReport importSurveyResponses(RowSource rows, boolean validOnly) {
        Authority.requireCanIngest(currentUser, "import survey responses");
        // the whole file's answers are summed into its readings once, after the last batch (one upsert per reading)
        SurveyReadingSums sums = new SurveyReadingSums();
        // each row is checked as far as it can be without the database on the thread that reads the file, so that
        // the checking too overlaps the writing of the batch before
        Function<NewSurveyResponse, PreparedSurveyResponse> prepare = surveys.preparer();
        RowReader<PreparedSurveyResponse> reader = (row, violations) -> {
            NewSurveyResponse item = toSurveyResponse(row, violations);
            return item == null ? null : prepare.apply(item);
        };
        ImportReport report = run("survey-responses", rows, validOnly, SURVEY_BATCH, reader,
                batch -> {
                    BatchReport outcomes = surveys.ingestPrepared(batch, sums);
                    return outcomes.items().stream().map(o -> new Outcome(o.status(), o.reasons())).toList();
                });
        surveys.addToReadings(sums);
        return report;
    }

    private record Outcome(ReadingOutcome.Status status, List<FieldViolation> reasons) {
    }

    private static Outcome outcomeOf(ReadingOutcome outcome) {
        return new Outcome(outcome.status(), outcome.reasons());
    }

    /** Reads a row into an item, adding a violation per bad field; null when the row is unusable. */
    private interface RowReader<T> {
        T read(ImportRow row, Violations violations);
    }

    private <T> ImportReport run(String kind, RowSource rows, boolean validOnly, int batchSize, RowReader<T> reader,
            Function<List<T>, List<Outcome>> ingest) {
        Tally tally = new Tally(rows);
        // the file is read and checked on a thread of its own while this one writes the previous batch: on two cores
        // the parsing overlaps the database's work instead of adding to it (the writes stay in this transaction)
        try (RowPipeline<T> pipeline = RowPipeline.start(sink -> readBatches(rows, batchSize, reader, sink))) {
            for (RowPipeline.Chunk<T> chunk = pipeline.next(); ; chunk = pipeline.next()) {
                chunk.refused().forEach(r -> tally.unreadable(r.line(), r.reasons()));
                if (!chunk.items().isEmpty() || chunk.last()) {
                    tally.count(chunk.lines(), chunk.items().isEmpty() ? List.of() : ingest.apply(chunk.items()));
                }
                if (chunk.last()) {
                    tally.rows = chunk.rows();
                    break;
                }
            }
        }
        if (tally.rows == 0) {
            throw new InvalidInputException("body", "the file holds no rows below its header");
        }
        boolean keep = tally.rejected == 0 || validOnly;
        ImportReport report = new ImportReport(tally.rows, tally.accepted, tally.duplicates, tally.rejected, keep,
                tally.errors, tally.truncated);
        if (!keep) {
            throw new ImportRejectedException(report);
        }
        if (report.accepted() > 0) {
            audit.record(AuditEntry.of("import", UUID.randomUUID(), "import-" + kind)
                    .by(currentUser.name())
                    .set("rows", report.rows())
                    .set("accepted", report.accepted())
                    .set("duplicates", report.duplicates())
                    .set("rejected", report.rejected())
                    .set("validOnly", validOnly));
        }
        return report;
    }

    /** Reads the file into batches of items, with the rows refused on the way; runs on the pipeline's thread. */
    private static <T> void readBatches(RowSource rows, int batchSize, RowReader<T> reader, RowPipeline.Sink<T> sink) throws InterruptedException {
        long count = 0;
        List<T> batch = new ArrayList<>(batchSize);
        List<Long> lines = new ArrayList<>(batchSize);
        List<RowPipeline.Refused> refused = new ArrayList<>();
        for (ImportRow row = rows.next(); row != null; row = rows.next()) {
            if (++count > MAX_ROWS) {
                throw new InvalidInputException("body", "a file may hold at most " + MAX_ROWS + " rows; split it");
            }
            if (row.defect() != null) {
                refused.add(new RowPipeline.Refused(row.line(), List.of(new FieldViolation("row", row.defect()))));
                continue;
            }
            Violations violations = new Violations();
            ImportFields.checkCells(row, violations);
            T item = violations.isEmpty() ? reader.read(row, violations) : null;
            if (!violations.isEmpty() || item == null) {
                refused.add(new RowPipeline.Refused(row.line(), violations.list()));
                continue;
            }
            batch.add(item);
            lines.add(row.line());
            if (batch.size() == batchSize) {
                sink.put(new RowPipeline.Chunk<>(batch, lines, refused, false, count));
                batch = new ArrayList<>(batchSize);
                lines = new ArrayList<>(batchSize);
                refused = new ArrayList<>();
            }
        }
        sink.put(new RowPipeline.Chunk<>(batch, lines, refused, true, count));
    }

    /** Counts the outcomes and keeps the errors in line order (rows refused before and by the services alike). */
    private static final class Tally {
        long rows;
        long accepted;
        long duplicates;
        long rejected;
        boolean truncated;
        final List<ImportError> errors = new ArrayList<>();
        private final RowSource source;
        /** Rows refused while being read, since the last batch went to the service. */
        private final List<RefusedRow> unread = new ArrayList<>();

        private record RefusedRow(long line, List<FieldViolation> reasons) {
        }

        Tally(RowSource source) {
            this.source = source;
        }

        void unreadable(long line, List<FieldViolation> reasons) {
            unread.add(new RefusedRow(line, reasons));
        }

        /** The outcomes of a batch of rows (by line), merged in line order with the rows refused since the last one. */
        void count(List<Long> lines, List<Outcome> outcomes) {
            List<RefusedRow> refused = new ArrayList<>(unread);
            unread.clear();
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome outcome = outcomes.get(i);
                switch (outcome.status()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> refused.add(new RefusedRow(lines.get(i), outcome.reasons()));
                }
            }
            refused.sort(Comparator.comparingLong(RefusedRow::line));
            refused.forEach(r -> reject(r.line(), r.reasons()));
        }

        private void reject(long line, List<FieldViolation> reasons) {
            rejected++;
            List<FieldViolation> listed = reasons.isEmpty() ? List.of(new FieldViolation("row", "cannot be read")) : reasons;
            for (FieldViolation reason : listed) {
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    String field = fieldOf(reason.field());
                    errors.add(new ImportError(line, field, source.columnOf(field), reason.message()));
                } else {
                    truncated = true;
                }
            }
        }
    }

    /** The services name statistics fields {@code statistics.promoters}; a file's field is {@code promoters}. */
    static String fieldOf(String serviceField) {
        return serviceField.startsWith("statistics.") ? serviceField.substring("statistics.".length()) : serviceField;
    }

    static NewReading toReading(ImportRow row, Violations v) {
        var day = ImportFields.day(row, "day", v);
        Long promoters = ImportFields.wholeNumber(row, "promoters", v);
        Long passives = ImportFields.wholeNumber(row, "passives", v);
        Long detractors = ImportFields.wholeNumber(row, "detractors", v);
        Long satisfied = ImportFields.wholeNumber(row, "satisfied", v);
        Long responses = ImportFields.wholeNumber(row, "responses", v);
        Double sum = ImportFields.number(row, "sum", v);
        Long count = ImportFields.wholeNumber(row, "count", v);
        Long numerator = ImportFields.wholeNumber(row, "numerator", v);
        Long denominator = ImportFields.wholeNumber(row, "denominator", v);
        Double value = ImportFields.number(row, "value", v);
        Long weight = ImportFields.wholeNumber(row, "weight", v);
        var at = ImportFields.instant(row, "at", v);
        if (!v.isEmpty()) {
            return null;
        }
        return new NewReading(row.text("metricKey"), day, row.text("departmentCode"), row.text("channel"),
                new StatisticsInput(promoters, passives, detractors, satisfied, responses, sum, count, numerator, denominator,
                        value, weight, at),
                row.text("source"), keyOf(row, ImportFields.READING_FIELDS));
    }

    static NewSurveyResponse toSurveyResponse(ImportRow row, Violations v) {
        Integer score = ImportFields.smallNumber(row, "score", v);
        var answeredAt = ImportFields.instant(row, "answeredAt", v);
        if (!v.isEmpty()) {
            return null;
        }
        return new NewSurveyResponse(row.text("kind"), score, answeredAt, row.text("channel"), row.text("departmentCode"),
                row.text("comment"), row.text("source"), keyOf(row, ImportFields.SURVEY_FIELDS));
    }

    /**
     * The row's own key, or one made from its content: the same row imported again is then a duplicate, and
     * two rows that differ in any field are two items.
     */
    static String keyOf(ImportRow row, List<String> fields) {
        String given = row.text("idempotencyKey");
        if (given != null) {
            return given;
        }
        StringBuilder content = new StringBuilder();
        for (String field : fields) {
            String value = row.text(field);
            content.append(field).append('=').append(value == null ? "" : value).append('\u001f');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return DERIVED_KEY_PREFIX + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
