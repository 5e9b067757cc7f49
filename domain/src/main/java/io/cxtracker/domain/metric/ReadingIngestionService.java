package io.cxtracker.domain.metric;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.audit.RequestCorrelation;
import io.cxtracker.domain.department.BatchDepartmentLookup;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.department.DepartmentRepository;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Metric readings pushed by machine clients (contact-center platform, survey tool, BI job). Every
 * reading of a batch gets its own outcome: accepted, duplicate (its idempotency key was seen before)
 * or rejected with the reasons; the valid ones are stored in the same transaction. A key is never
 * stored twice, also when two requests carrying it race. A mean-score reading of the metric CES answers feed
 * ({@code ces}) must lie on the configured CES scale, as each answer must when sent one by one.
 *
 * <p>Audit: a batch that stored at least one reading is recorded as ONE audit record (entity
 * {@code reading-batch}, a fresh batch id, new values: metric keys, sources, accepted / duplicate /
 * rejected counts), not one record per reading. Every append to the audit trail takes the hash chain's
 * lock until its transaction ends, so appends are serialised; a record per reading would turn a
 * 10,000-reading batch into 10,000 serialised appends and cap ingestion at the chain's rate. The
 * readings themselves are immutable, carry their source and idempotency key, and are never updated, so
 * the batch record with its request id is enough to tell who pushed what and when. A batch that stored
 * nothing (all duplicates or rejected) wrote nothing and is not recorded.
 */
@ApplicationScoped
@Transactional
public class ReadingIngestionService {
    public static final int MAX_BATCH = 10_000;

    private final MetricRepository metrics;
    private final DepartmentRepository departments;
    private final ReadingRepository readings;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditRecorder audit;
    private final CesScale cesScale;

    /** For the CDI proxy only. */
    protected ReadingIngestionService() {
        this(null, null, null, null, null, null, null);
    }

    /**
     * @param conversion the survey settings: a reading of the metric CES answers feed must lie on their scale
     */
    @Inject
    public ReadingIngestionService(MetricRepository metrics, DepartmentRepository departments, ReadingRepository readings,
            CurrentUser currentUser, Clock clock, AuditRecorder audit, CesScaleSetting conversion) {
        this.metrics = metrics;
        this.departments = departments;
        this.readings = readings;
        this.currentUser = currentUser;
        this.clock = clock;
        this.audit = audit;
        this.cesScale = conversion == null ? null : conversion.cesScale();
    }

    public IngestionReport ingest(List<NewReading> batch) {
        Authority.requireCanIngest(currentUser, "ingest metric readings");
        if (batch == null || batch.isEmpty()) {
            throw new InvalidInputException("readings", "must hold at least one reading");
        }
        if (batch.size() > MAX_BATCH) {
            throw new InvalidInputException("readings", "must hold at most " + MAX_BATCH + " readings, split the batch");
        }
        Instant now = clock.instant();
        Map<String, Metric> metricsByKey = metricsOf(batch);
        BatchDepartmentLookup departmentsByCode = new BatchDepartmentLookup(departments);

        ReadingOutcome[] outcomes = new ReadingOutcome[batch.size()];
        List<Reading> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        Set<List<Object>> keysInBatch = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            NewReading item = batch.get(i);
            if (item == null) {
                outcomes[i] = new ReadingOutcome(i, null, null, Status.REJECTED,
                        List.of(new FieldViolation("reading", "must be given")));
                continue;
            }
            Violations violations = new Violations();
            Reading reading = toReading(item, metricsByKey, departmentsByCode, now, violations);
            if (reading == null) {
                outcomes[i] = new ReadingOutcome(i, item.metricKey(), item.idempotencyKey(), Status.REJECTED, violations.list());
            } else if (!keysInBatch.add(List.of(item.metricKey(), reading.source(), reading.idempotencyKey()))) {
                outcomes[i] = new ReadingOutcome(i, item.metricKey(), reading.idempotencyKey(), Status.DUPLICATE, List.of());
            } else {
                valid.add(reading);
                validIndexes.add(i);
            }
        }
        List<Boolean> stored = valid.isEmpty() ? List.of() : readings.addAllIfAbsent(valid);
        for (int j = 0; j < valid.size(); j++) {
            int i = validIndexes.get(j);
            Status status = stored.get(j) ? Status.ACCEPTED : Status.DUPLICATE;
            outcomes[i] = new ReadingOutcome(i, batch.get(i).metricKey(), valid.get(j).idempotencyKey(), status, List.of());
        }
        IngestionReport report = IngestionReport.of(List.of(outcomes));
        if (report.accepted() > 0) {
            recordBatch(valid, stored, report);
        }
        return report;
    }

    /** One audit record for the whole batch; see the class comment for why not one per reading. */
    private void recordBatch(List<Reading> valid, List<Boolean> stored, IngestionReport report) {
        Set<String> metricKeys = new TreeSet<>();
        Set<String> sources = new TreeSet<>();
        Set<String> departmentCodes = new TreeSet<>();
        boolean programWide = false;
        for (int j = 0; j < valid.size(); j++) {
            if (stored.get(j)) {
                Reading reading = valid.get(j);
                metricKeys.add(reading.metric().key().value());
                sources.add(reading.source());
                if (reading.department() == null) {
                    programWide = true;
                } else {
                    departmentCodes.add(reading.department().code().value());
                }
            }
        }
        // filed under a department only when every stored reading was of that one department
        String department = !programWide && departmentCodes.size() == 1 ? departmentCodes.iterator().next() : null;
        audit.record(AuditEntry.of("reading-batch", RequestCorrelation.newId(), AuditEntry.CREATE)
                .department(department)
                .set("metricKeys", String.join(",", metricKeys))
                .set("sources", String.join(",", sources))
                .set("accepted", report.accepted())
                .set("duplicates", report.duplicates())
                .set("rejected", report.rejected()));
    }

    private Map<String, Metric> metricsOf(List<NewReading> batch) {
        Set<MetricKey> keys = new LinkedHashSet<>();
        for (NewReading item : batch) {
            if (item != null && MetricKey.isValid(item.metricKey())) {
                keys.add(new MetricKey(item.metricKey()));
            }
        }
        Map<String, Metric> byKey = new HashMap<>();
        if (!keys.isEmpty()) {
            metrics.findByKeys(keys).forEach(m -> byKey.put(m.key().value(), m));
        }
        return byKey;
    }

    /**
     * A mean-score reading of the metric that CES answers feed says "these answers averaged sum / count": like each
     * answer sent one by one, that average lies on the configured CES scale, or the reading is refused. Every answer
     * is at least the lowest and at most the highest score, so the sum lies within count × lowest … count × highest.
     */
    private void requireOnCesScale(Metric metric, MetricStatistics statistics, Violations violations) {
        if (cesScale == null || !(statistics instanceof MeanScoreStatistics mean) || mean.count() == 0
                || !metric.key().value().equals(CesScale.METRIC_KEY)) {
            return;
        }
        if (!cesScale.containsMeanOf(mean.sum(), mean.count())) {
            violations.add("statistics.sum", "a CES reading's answers are each " + cesScale.lowest() + " to "
                    + cesScale.highest() + " (the configured CES scale), so " + mean.count() + " answers sum to "
                    + mean.count() * (long) cesScale.lowest() + " … " + mean.count() * (long) cesScale.highest()
                    + "; the sum " + plain(mean.sum()) + " is a mean of " + plain(mean.sum() / mean.count()));
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private Reading toReading(NewReading item, Map<String, Metric> metricsByKey,
            BatchDepartmentLookup departmentsByCode, Instant now, Violations violations) {
        Metric metric = null;
        if (!MetricKey.isValid(item.metricKey())) {
            violations.add("metricKey", "must be " + MetricKey.RULE);
        } else {
            metric = metricsByKey.get(item.metricKey());
            violations.check(metric != null, "metricKey", "no metric has the key '" + item.metricKey() + "'");
        }
        Department department = departmentsByCode.optional(item.departmentCode(), violations);
        String source = item.source() == null || item.source().isBlank() ? currentUser.name() : item.source();
        Reading.checkAttributes(item.day(), item.channel(), source, item.idempotencyKey(), now, violations);
        MetricStatistics statistics = null;
        if (item.statistics() == null) {
            violations.add("statistics", "must be given");
        } else if (metric != null && item.day() != null) {
            Instant startOfDay = item.day().atStartOfDay(ZoneOffset.UTC).toInstant();
            MetricKind kind = metric.kind();
            statistics = violations.capture(() -> item.statistics().toStatistics(kind, startOfDay));
            requireOnCesScale(metric, statistics, violations);
        }
        if (!violations.isEmpty()) {
            return null;
        }
        Metric resolved = metric;
        Department scope = department;
        MetricStatistics checked = statistics;
        return violations.capture(() -> new Reading(resolved, item.day(), scope, item.channel(), checked, source,
                item.idempotencyKey(), now));
    }
}
