package io.cxtracker.domain.feedback;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.department.BatchDepartmentLookup;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.listen.BatchOutcome;
import io.cxtracker.domain.listen.BatchReport;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.Period;
import io.cxtracker.domain.metric.ReadingOutcome.Status;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.CustomerVoiceAccess;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Listen pillar's feedback: items pushed in bulk by listening tools (review sites, social, call
 * transcripts) or recorded by department leads for their own departments, and the insights grouped
 * from them by theme. Program readers read; a lead reads the text only of their own departments' items
 * (see {@link Authority#requireCanReadCustomerVoice}).
 */
@ApplicationScoped
@Transactional
public class FeedbackService {
    public static final int MAX_BATCH = 10_000;
    public static final int MAX_INSIGHTS = 100;
    public static final int DEFAULT_INSIGHTS = 20;
    public static final int MAX_PERIODS = 120;
    /** Insights look back this far unless told otherwise. */
    public static final int DEFAULT_DAYS = 180;

    private final FeedbackRepository feedback;
    private final DepartmentRepository departments;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected FeedbackService() {
        this(null, null, null, null, null);
    }

    @Inject
    public FeedbackService(FeedbackRepository feedback, DepartmentRepository departments, CurrentUser currentUser,
            Clock clock, AuditRecorder audit) {
        this.feedback = feedback;
        this.departments = departments;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a batch of feedback. Machine clients (metrics-ingest) and program admins may record any;
     * a department lead only items concerning one of their departments.
     */
    public BatchReport ingest(List<NewFeedback> batch) {
        requireMayRecord(batch);
        if (batch == null || batch.isEmpty()) {
            throw new InvalidInputException("items", "must hold at least one feedback item");
        }
        if (batch.size() > MAX_BATCH) {
            throw new InvalidInputException("items", "must hold at most " + MAX_BATCH + " items, split the batch");
        }
        Instant now = clock.instant();
        BatchDepartmentLookup departmentsByCode = new BatchDepartmentLookup(departments);
        BatchOutcome[] outcomes = new BatchOutcome[batch.size()];
        List<FeedbackItem> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        Set<List<String>> keysInBatch = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            NewFeedback item = batch.get(i);
            if (item == null) {
                outcomes[i] = BatchOutcome.rejected(i, null, List.of(new FieldViolation("item", "must be given")));
                continue;
            }
            Violations violations = new Violations();
            FeedbackItem checked = check(item, departmentsByCode, now, violations);
            if (checked == null) {
                outcomes[i] = BatchOutcome.rejected(i, item.idempotencyKey(), violations.list());
            } else if (!keysInBatch.add(List.of(checked.source(), checked.idempotencyKey()))) {
                outcomes[i] = new BatchOutcome(i, checked.idempotencyKey(), Status.DUPLICATE, List.of());
            } else {
                valid.add(checked);
                validIndexes.add(i);
            }
        }
        List<Boolean> stored = valid.isEmpty() ? List.of() : feedback.addAllIfAbsent(valid);
        for (int j = 0; j < valid.size(); j++) {
            int i = validIndexes.get(j);
            outcomes[i] = new BatchOutcome(i, valid.get(j).idempotencyKey(), stored.get(j) ? Status.ACCEPTED : Status.DUPLICATE,
                    List.of());
        }
        BatchReport report = BatchReport.of(List.of(outcomes));
        if (report.accepted() > 0) {
            audit.record(AuditEntry.of("feedback-batch", UUID.randomUUID(), "ingest")
                    .by(currentUser.name())
                    .set("accepted", report.accepted())
                    .set("duplicates", report.duplicates())
                    .set("rejected", report.rejected()));
        }
        return report;
    }

    private void requireMayRecord(List<NewFeedback> batch) {
        if (currentUser.has(Role.METRICS_INGEST) || currentUser.has(Role.PROGRAM_ADMIN)) {
            return;
        }
        if (!currentUser.has(Role.DEPARTMENT_LEAD)) {
            Authority.requireAnyRole(currentUser, "record feedback", Role.METRICS_INGEST, Role.PROGRAM_ADMIN, Role.DEPARTMENT_LEAD);
        }
        if (batch == null) {
            return;
        }
        for (NewFeedback item : batch) {
            String code = item == null ? null : item.departmentCode();
            if (code == null || !DepartmentCode.isValid(code) || !currentUser.departments().contains(new DepartmentCode(code))) {
                throw new AccessDeniedException(currentUser.name() + " leads " + currentUser.departments()
                        + " and may record feedback only for those departments, not for " + (code == null ? "no department" : code));
            }
        }
    }

    private FeedbackItem check(NewFeedback item, BatchDepartmentLookup departmentsByCode, Instant now,
            Violations violations) {
        FeedbackChannel channel = FeedbackChannel.parse(item.channel()).orElse(null);
        if (channel == null) {
            violations.add("channel", "must be " + FeedbackChannel.RULE);
        }
        Department concerned = departmentsByCode.optional(item.departmentCode(), violations);
        String source = item.source() == null || item.source().isBlank() ? currentUser.name() : item.source();
        FeedbackItem checked = violations.capture(() -> new FeedbackItem(channel, item.text(), item.sentiment(), item.themes(),
                concerned, item.receivedAt(), source, item.idempotencyKey(), now));
        return violations.isEmpty() ? checked : null;
    }

    /** A page of feedback, newest first unless sorted otherwise; filters may be null. */
    public Page<FeedbackView> list(String theme, String departmentCode, String channel, LocalDate from, LocalDate to,
            PageRequest request) {
        CustomerVoiceAccess access = Authority.requireCanReadCustomerVoice(currentUser, "feedback");
        FeedbackQuery query = query(theme, departmentCode, channel, from, to);
        return feedback.page(query, request).map(item -> FeedbackView.of(item).redactedFor(access));
    }

    /**
     * The themes heard most often between two days (both included; default the last {@value #DEFAULT_DAYS}
     * days up to today), optionally for one department, with their volume per week or month.
     */
    public List<Insight> insights(LocalDate from, LocalDate to, String departmentCode, Granularity granularity, Integer limit) {
        Authority.requireCanReadProgram(currentUser, "feedback insights");
        LocalDate last = to == null ? LocalDate.now(clock) : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1L) : from;
        DateRange range = new DateRange(first, last);
        Granularity size = granularity == null ? Granularity.MONTH : granularity;
        int periods = 0;
        for (Period p = Period.containing(range.from(), size); !p.start().isAfter(range.to()); p = p.next()) {
            if (++periods > MAX_PERIODS) {
                throw new InvalidInputException("granularity", "would give more than " + MAX_PERIODS
                        + " periods between " + range.from() + " and " + range.to() + "; choose a coarser one");
            }
        }
        int count = limit == null ? DEFAULT_INSIGHTS : limit;
        if (count < 1 || count > MAX_INSIGHTS) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_INSIGHTS);
        }
        FeedbackQuery query = query(null, departmentCode, null, range.from(), range.to());
        return feedback.insights(query, size, count).stream().map(f -> Insight.of(f, range, size)).toList();
    }

    /** The insight of one theme over all the feedback ever received, by month; empty when nobody mentioned it. */
    public Optional<Insight> insight(String theme) {
        Authority.requireCanReadProgram(currentUser, "feedback insights");
        if (!Theme.isValid(theme)) {
            return Optional.empty();
        }
        FeedbackQuery query = new FeedbackQuery(new Theme(theme), null, null, null, null);
        List<InsightFacts> facts = feedback.insights(query, Granularity.MONTH, 1);
        if (facts.isEmpty() || facts.get(0).volume() == 0) {
            return Optional.empty();
        }
        InsightFacts found = facts.get(0);
        LocalDate first = found.firstAt().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate last = found.lastAt().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate today = LocalDate.now(clock);
        DateRange range = new DateRange(first, last.isAfter(today) ? last : today);
        if (range.from().plusMonths(MAX_PERIODS).isBefore(range.to())) {
            range = new DateRange(range.to().minusMonths(MAX_PERIODS - 1L).withDayOfMonth(1), range.to());
        }
        return Optional.of(Insight.of(found, range, Granularity.MONTH));
    }

    private FeedbackQuery query(String theme, String departmentCode, String channel, LocalDate from, LocalDate to) {
        Violations violations = new Violations();
        Theme checkedTheme = null;
        if (theme != null && !theme.isBlank()) {
            checkedTheme = violations.capture(() -> new Theme(theme.strip()));
        }
        Department department = departments.optional("department", departmentCode, violations);
        FeedbackChannel checkedChannel = null;
        if (channel != null && !channel.isBlank()) {
            checkedChannel = FeedbackChannel.parse(channel).orElse(null);
            violations.check(checkedChannel != null, "channel", "must be " + FeedbackChannel.RULE);
        }
        if (from != null && to != null) {
            violations.check(!to.isBefore(from), "to", "must not be before from (" + from + ")");
        }
        violations.throwIfAny();
        return new FeedbackQuery(checkedTheme, department, checkedChannel,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
