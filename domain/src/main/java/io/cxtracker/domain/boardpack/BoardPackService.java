package io.cxtracker.domain.boardpack;

import io.cxtracker.domain.audit.Checkpoint;
import io.cxtracker.domain.audit.CheckpointService;
import io.cxtracker.domain.boardpack.BoardPack.RiskLine;
import io.cxtracker.domain.boardpack.BoardPack.Scorecard;
import io.cxtracker.domain.boardpack.BoardPack.TargetLine;
import io.cxtracker.domain.boardpack.BoardPack.Trend;
import io.cxtracker.domain.boardpack.BoardPackContent.Assessed;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricRepository;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.program.Phase;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.PlanHistory;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.progress.TargetPlan;
import io.cxtracker.domain.review.ProgramChanges;
import io.cxtracker.domain.review.ReviewService;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.report.Sha256;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetEvaluation;
import io.cxtracker.domain.targets.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds the quarterly board pack of a program as of a day, in PPTX or PDF, and answers whether a file
 * is one of them. Who may: whoever may export reports (executives, auditors, program admins). Every pack
 * is built under a freshly signed audit checkpoint and recorded with its SHA-256 before the caller's
 * last byte is flushed.
 */
@ApplicationScoped
@Transactional
public class BoardPackService {
    static final Role[] READERS = {Role.EXECUTIVE, Role.AUDITOR, Role.PROGRAM_ADMIN};

    private final ProgramRepository programs;
    private final ProgressService progress;
    private final TargetRepository targets;
    private final MetricRepository metrics;
    private final DepartmentRepository departments;
    private final PlanHistory history;
    private final ReviewService reviews;
    private final BoardPackRepository packs;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CheckpointService checkpoints;
    private final BoardPackRenderers renderers;

    /** For the CDI proxy only. */
    protected BoardPackService() {
        this(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Inject
    public BoardPackService(ProgramRepository programs, ProgressService progress,
            TargetRepository targets, MetricRepository metrics,
            DepartmentRepository departments, PlanHistory history, ReviewService reviews, BoardPackRepository packs,
            CurrentUser currentUser, Clock clock, CheckpointService checkpoints, BoardPackRenderers renderers) {
        this.programs = programs;
        this.progress = progress;
        this.targets = targets;
        this.metrics = metrics;
        this.departments = departments;
        this.history = history;
        this.reviews = reviews;
        this.packs = packs;
        this.currentUser = currentUser;
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.renderers = renderers;
    }

    /**
     * Checks the request and fixes what the pack will say about itself, before anything is built.
     *
     * @param asOf the day the pack shows; default today (UTC); never after today nor before the program's start
     * @param since the first day of "what changed"; default the last review's as-of day (the latest earlier
     *        pack of the program), else {@value BoardPackContent#DEFAULT_REVIEW_MONTHS} months before {@code asOf} (not
     *        before the program's start); never before the program's start
     * @throws InvalidInputException naming {@code asOf}, {@code since} or {@code format}
     * @throws NotFoundException when there is no such program
     */
    public BoardPackHeader prepare(long programId, LocalDate asOf, LocalDate since, BoardPackFormat format) {
        Authority.requireAnyRole(currentUser, "build board packs", READERS);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate day = asOf == null ? today : asOf;
        Violations violations = new Violations();
        violations.required("format", format);
        violations.check(!day.isAfter(today), "asOf", "must not be after today (" + today + ")");
        violations.check(since == null || !since.isAfter(day), "since", "must not be after 'asOf' (" + day + ")");
        violations.throwIfAny();
        Program program = programs.findById(programId)
                .orElseThrow(() -> new NotFoundException("program", String.valueOf(programId)));
        // nothing of the program is known before it started: a pack of that time would be empty, not historical
        Violations beforeStart = new Violations();
        beforeStart.check(!day.isBefore(program.start()), "asOf", "must not be before the program's start (" + program.start() + ")");
        beforeStart.check(since == null || !since.isBefore(program.start()), "since",
                "must not be before the program's start (" + program.start() + ")");
        beforeStart.throwIfAny();
        LocalDate from = since != null ? since
                : max(BoardPackContent.defaultSince(packs.lastReviewBefore(programId, day), day), program.start());
        // the chain's head, signed, before the pack reads anything: every write the pack shows is under it
        Checkpoint checkpoint = checkpoints == null ? null : checkpoints.forReport();
        return new BoardPackHeader(UUID.randomUUID(), programId, program.name(), format, day, from, clock.instant(),
                currentUser.name(), checkpoint);
    }

    /**
     * Reads and assembles the pack's content, in one read transaction, as the system knew the program at the end
     * of the as-of day (now, for today): the plan, check-ins, overrides, target numbers and readings known then
     * ({@link PlanHistory}), statuses and verdicts judged on that day.
     */
    public BoardPack assemble(BoardPackHeader header) {
        Authority.requireAnyRole(currentUser, "build board packs", READERS);
        Program program = programs.findById(header.programId())
                .orElseThrow(() -> new NotFoundException("program", String.valueOf(header.programId())));
        LocalDate asOf = header.asOf();
        AsOf knownAt = knownAt(asOf);
        List<MilestoneStatusView> views = progress.milestonesOfProgram(program.id(), knownAt);
        Map<Long, MilestoneFacts> factsById = new HashMap<>();
        history.milestonesOfProgram(program.id(), knownAt.at()).forEach(f -> factsById.put(f.id(), f));
        List<Assessed> assessed = new ArrayList<>();
        for (MilestoneStatusView view : views) {
            MilestoneFacts facts = factsById.get(view.milestoneId());
            if (facts != null) {
                assessed.add(new Assessed(facts, view));
            }
        }
        List<MilestoneFacts> all = assessed.stream().map(Assessed::facts).toList();
        Map<String, String> names = departmentNames(all);
        List<Integer> phaseNumbers = program.phases().stream().map(Phase::number).toList();
        List<String> phaseNames = program.phases().stream().map(Phase::name).toList();

        Map<Target, TargetLine> verdicts = verdicts(targets.list(null, null), knownAt);
        List<Scorecard> scorecards = new ArrayList<>();
        names.forEach((code, name) -> {
            List<Assessed> owned = assessed.stream().filter(a -> a.facts().ownerDepartment().equals(code)).toList();
            List<TargetLine> own = verdicts.values().stream().filter(t -> code.equals(t.departmentCode())).toList();
            List<RiskLine> attention = BoardPackContent.risks(owned.stream().map(Assessed::view).toList(), names,
                    BoardPackContent.ATTENTION_PER_DEPARTMENT);
            scorecards.add(new Scorecard(code, name, BoardPackContent.rollUp(owned), BoardPackContent.byPillar(owned),
                    own, attention));
        });

        List<MilestoneStatusView> shown = assessed.stream().map(Assessed::view).toList();
        ProgramChanges changes = reviews.changes(program.id(), header.since().atStartOfDay(ZoneOffset.UTC).toInstant(),
                knownAt.at());
        return new BoardPack(header, BoardPackContent.rollUp(assessed), phaseNames,
                BoardPackContent.pillarsByPhase(assessed, phaseNumbers), scorecards,
                BoardPackContent.risks(shown, names, BoardPackContent.TOP_RISKS), trends(program, verdicts, knownAt),
                BoardPackContent.changes(header.since(), asOf, changes, names), BoardPackContent.overdue(shown, names));
    }

    /** The end of the day, or now when the day is today (nothing later is known yet). */
    private AsOf knownAt(LocalDate day) {
        AsOf end = AsOf.endOf(day);
        AsOf now = AsOf.now(clock);
        return end.isAfter(now) ? now : end;
    }

    /**
     * Builds the pack in its header's format into the stream (which stays open) and records it: what the
     * REST endpoint and the UI button both call. Fails, and records nothing, when the stream fails.
     */
    public BoardPackRecord export(BoardPackHeader header, OutputStream out) {
        Objects.requireNonNull(renderers, "board pack renderers");
        BoardPack pack = assemble(header);
        BoardPackRenderers.Rendered rendered = renderers.render(pack, out);
        BoardPackRecord record = BoardPackRecord.of(header, rendered.fileSha256(), rendered.bytes());
        packs.add(record);
        return record;
    }

    /** The pack whose file has this SHA-256, if the server built one. */
    public Optional<BoardPackRecord> verify(String fileSha256) {
        Authority.requireAnyRole(currentUser, "verify board packs", READERS);
        if (!Sha256.isHex(fileSha256)) {
            throw new InvalidInputException("sha256", "must be 64 lower-case hex digits");
        }
        return packs.findByFileSha256(fileSha256);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private Map<String, String> departmentNames(List<MilestoneFacts> all) {
        Map<String, String> names = new TreeMap<>();
        all.forEach(f -> names.computeIfAbsent(f.ownerDepartment(), code -> DepartmentCode.isValid(code)
                ? departments.findByCode(new DepartmentCode(code)).map(Department::name).orElse(code) : code));
        return names;
    }

    /**
     * Every target that existed then, with the numbers it had then, judged on the day over its own trailing window
     * of the readings known then; all windows in one query.
     */
    private Map<Target, TargetLine> verdicts(List<Target> current, AsOf knownAt) {
        LocalDate asOf = knownAt.day();
        Map<Long, TargetPlan> then = current.isEmpty() ? Map.of()
                : history.targets(current.stream().map(Target::id).toList(), knownAt.at());
        Map<Target, SeriesScope> scopes = new LinkedHashMap<>();
        current.stream()
                .filter(t -> then.containsKey(t.id()))
                .map(t -> {
                    TargetPlan plan = then.get(t.id());
                    return t.revisedAs(plan.baseline(), plan.targetValue(), plan.due(), plan.amberTolerance(), plan.windowDays());
                })
                .sorted(Comparator.comparing(Target::due).thenComparing(Target::id))
                .forEach(t -> scopes.put(t, new SeriesScope(t.metric(), t.department(), t.windowEndingOn(asOf))));
        Map<SeriesScope, List<SeriesPoint>> daily = scopes.isEmpty() ? Map.of()
                : history.daily(new LinkedHashSet<>(scopes.values()), knownAt.at());
        Map<Target, TargetLine> lines = new LinkedHashMap<>();
        scopes.forEach((t, scope) -> {
            TargetEvaluation e = t.evaluate(daily.getOrDefault(scope, List.of()), asOf);
            lines.put(t, new TargetLine(t.metric().key().value(), t.metric().name(), t.metric().unit(),
                    t.department() == null ? null : t.department().code().value(), t.baseline(), t.targetValue(),
                    t.due(), e.current(), e.forecast(), e.rag(), e.reason()));
        });
        return lines;
    }

    /**
     * The headline metrics: the first {@value BoardPackContent#HEADLINE_METRICS} metrics (in the metric
     * list's order, as on the dashboard) that have a company-wide target, each against the earliest such
     * target still due on the day (else its latest), with up to a year of monthly values from the readings known then.
     */
    private List<Trend> trends(Program program, Map<Target, TargetLine> verdicts, AsOf knownAt) {
        LocalDate asOf = knownAt.day();
        Map<Long, List<Target>> companyTargets = new HashMap<>();
        verdicts.keySet().stream().filter(t -> t.department() == null)
                .forEach(t -> companyTargets.computeIfAbsent(t.metric().id(), id -> new ArrayList<>()).add(t));
        LocalDate yearBefore = asOf.minusMonths(11).withDayOfMonth(1);
        LocalDate from = program.start().isAfter(yearBefore) && !program.start().isAfter(asOf) ? program.start() : yearBefore;
        List<Trend> trends = new ArrayList<>();
        for (Metric metric : metrics.list()) {
            if (trends.size() == BoardPackContent.HEADLINE_METRICS) {
                break;
            }
            List<Target> candidates = companyTargets.getOrDefault(metric.id(), List.of());
            if (candidates.isEmpty()) {
                continue;
            }
            Target headline = candidates.stream().filter(t -> !t.due().isBefore(asOf)).findFirst()
                    .orElse(candidates.getLast());
            SeriesScope company = new SeriesScope(metric, null, new DateRange(from, asOf));
            List<SeriesPoint> daily = history.daily(List.of(company), knownAt.at()).getOrDefault(company, List.of());
            trends.add(new Trend(verdicts.get(headline), BoardPackContent.monthly(daily)));
        }
        return trends;
    }
}
