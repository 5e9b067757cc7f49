package io.cxtracker.domain.listen;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.department.BatchDepartmentLookup;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.listen.SurveyReadingConversion.SurveyReading;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricRepository;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.ReadingOutcome.Status;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Survey answers pushed in bulk by survey tools (or imported from their exports). Every answer of a
 * batch gets its own outcome: accepted, duplicate (its source and key were seen before) or rejected
 * with the reasons. The accepted answers are stored raw and, in the same transaction, their sufficient
 * statistics are <em>added</em> to the reading of their metric ({@code nps}, {@code csat} or {@code ces})
 * for their day, department and channel. A resent answer is a duplicate and adds nothing, so the
 * readings always hold exactly the statistics of the distinct answers — also when batches race.
 */
@ApplicationScoped
@Transactional
public class SurveyIngestionService {
    public static final int MAX_BATCH = 10_000;
    /** Clocks of survey tools run a little ahead sometimes; an answer further in the future is refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Idempotency keys of the readings made from answers start with this; one reading per day, department and channel. */
    public static final String READING_KEY_PREFIX = "survey:";

    private final MetricRepository metrics;
    private final DepartmentRepository departments;
    private final SurveyResponseRepository responses;
    private final SurveyReadingConversion conversion;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected SurveyIngestionService() {
        this(null, null, null, null, null, null, null);
    }

    @Inject
    public SurveyIngestionService(MetricRepository metrics, DepartmentRepository departments,
            SurveyResponseRepository responses, SurveyReadingConversion conversion, CurrentUser currentUser,
            Clock clock, AuditRecorder audit) {
        this.metrics = metrics;
        this.departments = departments;
        this.responses = responses;
        this.conversion = conversion;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public BatchReport ingest(List<NewSurveyResponse> batch) {
        SurveyReadingSums sums = new SurveyReadingSums();
        BatchReport report = ingest(batch, sums);
        addToReadings(sums);
        return report;
    }

    /**
     * One batch of a larger whole in one transaction (an import): the statistics of its new answers are added to
     * {@code sums} rather than to the readings, and {@link #addToReadings} writes each reading once when the last
     * batch is in. Until then the readings lag the stored answers, so call it in the same transaction.
     */
    public BatchReport ingest(List<NewSurveyResponse> batch, SurveyReadingSums sums) {
        Authority.requireCanIngest(currentUser, "ingest survey responses");
        requireSize(batch);
        Function<NewSurveyResponse, PreparedSurveyResponse> prepare = preparer();
        List<PreparedSurveyResponse> prepared = new ArrayList<>(batch.size());
        batch.forEach(item -> prepared.add(prepare.apply(item)));
        return ingestPrepared(prepared, sums);
    }

    /**
     * Checks items as far as they can be without the database, on any thread: an import prepares a batch on the
     * thread that reads its file while this one writes the batch before (on two cores the checking then overlaps
     * the database's work instead of adding to it). It needs no container and no transaction; the sender's name,
     * the source of items that name none, is taken now, on the caller's thread.
     */
    public Function<NewSurveyResponse, PreparedSurveyResponse> preparer() {
        Authority.requireCanIngest(currentUser, "ingest survey responses");
        return PreparedSurveyResponse.preparer(currentUser.name(), conversion);
    }

    /** {@link #ingest(List, SurveyReadingSums)} of items a {@link #preparer()} prepared (null for an item not given). */
    public BatchReport ingestPrepared(List<PreparedSurveyResponse> batch, SurveyReadingSums sums) {
        Authority.requireCanIngest(currentUser, "ingest survey responses");
        requireSize(batch);
        Instant now = clock.instant();
        Map<SurveyKind, Optional<Metric>> metricsByKind = metricsOf(batch);
        BatchDepartmentLookup departmentsByCode = new BatchDepartmentLookup(departments);

        BatchOutcome[] outcomes = new BatchOutcome[batch.size()];
        List<RecordedSurveyResponse> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        Set<List<String>> keysInBatch = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            PreparedSurveyResponse prepared = batch.get(i);
            if (prepared == null) {
                outcomes[i] = BatchOutcome.rejected(i, null, List.of(new FieldViolation("response", "must be given")));
                continue;
            }
            Violations violations = new Violations();
            RecordedSurveyResponse recorded = check(prepared, metricsByKind, departmentsByCode, now, violations);
            if (recorded == null) {
                outcomes[i] = BatchOutcome.rejected(i, prepared.item().idempotencyKey(), violations.list());
            } else if (!keysInBatch.add(List.of(recorded.source(), recorded.response().idempotencyKey()))) {
                outcomes[i] = new BatchOutcome(i, recorded.response().idempotencyKey(), Status.DUPLICATE, List.of());
            } else {
                valid.add(recorded);
                validIndexes.add(i);
            }
        }
        List<Boolean> stored = valid.isEmpty() ? List.of() : responses.addAllIfAbsent(valid);
        List<RecordedSurveyResponse> accepted = new ArrayList<>();
        for (int j = 0; j < valid.size(); j++) {
            boolean isNew = stored.get(j);
            int i = validIndexes.get(j);
            outcomes[i] = new BatchOutcome(i, valid.get(j).response().idempotencyKey(),
                    isNew ? Status.ACCEPTED : Status.DUPLICATE, List.of());
            if (isNew) {
                accepted.add(valid.get(j));
            }
        }
        List<Reading> readings = readingsOf(accepted, now);
        sums.add(readings);
        BatchReport report = BatchReport.of(List.of(outcomes));
        if (report.accepted() > 0) {
            audit.record(AuditEntry.of("survey-batch", UUID.randomUUID(), "ingest")
                    .by(currentUser.name())
                    .set("accepted", report.accepted())
                    .set("duplicates", report.duplicates())
                    .set("rejected", report.rejected())
                    .set("readings", readings.size()));
        }
        return report;
    }

    /** Adds the statistics gathered in {@code sums} to the readings, each reading once, and empties them. */
    public void addToReadings(SurveyReadingSums sums) {
        Authority.requireCanIngest(currentUser, "ingest survey responses");
        List<Reading> readings = sums.drain();
        if (!readings.isEmpty()) {
            responses.addToReadings(readings);
        }
    }

    /** One reading per metric, source, day, department and channel, holding the new answers' statistics. */
    private List<Reading> readingsOf(List<RecordedSurveyResponse> accepted, Instant now) {
        Map<String, List<RecordedSurveyResponse>> bySource = new LinkedHashMap<>();
        accepted.forEach(r -> bySource.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r));
        List<Reading> readings = new ArrayList<>();
        bySource.forEach((source, answers) -> {
            Map<SurveyKind, Metric> metricByKind = new EnumMap<>(SurveyKind.class);
            Map<DepartmentCode, Department> departmentByCode = new HashMap<>();
            for (RecordedSurveyResponse answer : answers) {
                metricByKind.put(answer.response().kind(), answer.metric());
                if (answer.department() != null) {
                    // the answer's code is its department's (check made it so), without parsing it again
                    departmentByCode.put(answer.response().department(), answer.department());
                }
            }
            for (SurveyReading reading : conversion.toReadings(answers.stream().map(RecordedSurveyResponse::response).toList())) {
                var key = reading.key();
                Department department = key.department() == null ? null : departmentByCode.get(key.department());
                readings.add(new Reading(metricByKind.get(key.kind()), key.day(), department, key.channel(),
                        reading.statistics(), source, readingKey(key), now));
            }
        });
        return readings;
    }

    /** {@code survey:2026-03-01:support:chat}; a dash stands for no department or no channel. */
    static String readingKey(SurveyReadingConversion.ReadingKey key) {
        return READING_KEY_PREFIX + key.day() + ":" + (key.department() == null ? "-" : key.department().value()) + ":"
                + (key.channel() == null ? "-" : key.channel());
    }

    private static void requireSize(List<?> batch) {
        if (batch == null || batch.isEmpty()) {
            throw new InvalidInputException("responses", "must hold at least one survey response");
        }
        if (batch.size() > MAX_BATCH) {
            throw new InvalidInputException("responses", "must hold at most " + MAX_BATCH + " responses, split the batch");
        }
    }

    /**
     * The checks that need the database (the metric, the department) and the batch's time, in the order of the
     * fields, with the prepared item's own violations after them: each field keeps its first violation.
     */
    private RecordedSurveyResponse check(PreparedSurveyResponse prepared, Map<SurveyKind, Optional<Metric>> metricsByKind,
            BatchDepartmentLookup departmentsByCode, Instant now, Violations violations) {
        NewSurveyResponse item = prepared.item();
        SurveyKind kind = prepared.kind();
        if (kind == null) {
            violations.add("kind", "must be one of NPS, CSAT, CES");
        }
        Metric metric = null;
        if (kind != null) {
            metric = metricsByKind.getOrDefault(kind, Optional.empty()).orElse(null);
            if (metric == null) {
                violations.add("kind", "no metric has the key '" + kind.metricKey() + "' that " + kind + " answers feed");
            } else if (metric.kind() != kind.metricKind()) {
                violations.add("kind", "metric '" + kind.metricKey() + "' is of kind " + metric.kind() + ", not "
                        + kind.metricKind() + " as " + kind + " answers need");
                metric = null;
            }
        }
        if (item.score() == null) {
            violations.add("score", "must be given");
        }
        Department department = departmentsByCode.optional(item.departmentCode(), violations);
        if (item.answeredAt() != null && item.answeredAt().isAfter(now.plus(CLOCK_SKEW))) {
            violations.add("answeredAt", "must not be in the future (after " + now + ")");
        }
        String source = prepared.source();
        violations.check(source.length() <= Reading.SOURCE_MAX_LENGTH, "source",
                "must be at most " + Reading.SOURCE_MAX_LENGTH + " characters");
        for (FieldViolation own : prepared.violations()) {
            violations.add(own.field(), own.message());
        }
        if (!violations.isEmpty()) {
            return null;
        }
        return new RecordedSurveyResponse(prepared.response(), source, metric, department, prepared.day(), now);
    }

    private Map<SurveyKind, Optional<Metric>> metricsOf(List<PreparedSurveyResponse> batch) {
        Set<SurveyKind> kinds = EnumSet.noneOf(SurveyKind.class);
        for (PreparedSurveyResponse item : batch) {
            if (item != null && item.kind() != null) {
                kinds.add(item.kind());
            }
        }
        Map<SurveyKind, Optional<Metric>> byKind = new EnumMap<>(SurveyKind.class);
        if (kinds.isEmpty()) {
            return byKind;
        }
        Map<String, Metric> byKey = new HashMap<>();
        metrics.findByKeys(kinds.stream().map(k -> new MetricKey(k.metricKey())).toList())
                .forEach(m -> byKey.put(m.key().value(), m));
        kinds.forEach(k -> byKind.put(k, Optional.ofNullable(byKey.get(k.metricKey()))));
        return byKind;
    }
}
