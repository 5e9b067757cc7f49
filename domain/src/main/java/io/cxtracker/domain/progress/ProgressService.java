package io.cxtracker.domain.progress;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.MetricSeriesRepository;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.milestone.EffectiveStatus;
import io.cxtracker.domain.milestone.ApprovalRequestRepository;
import io.cxtracker.domain.milestone.MilestoneRepository;
import io.cxtracker.domain.milestone.PendingRequest;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.MilestoneStatusDerivation;
import io.cxtracker.domain.program.Phase;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.domain.rollup.RollUp;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.rollup.StatusHealth;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetEvaluation;
import io.cxtracker.domain.targets.TargetRepository;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The read model of progress: a milestone's status evaluated from its linked targets' live series
 * (or its check-ins), and the roll-ups of a program by initiative, pillar, phase and department. The
 * rules are the domain's ({@link MilestoneStatusDerivation}, {@link Target#evaluate}, {@link RollUp});
 * this service only gathers their inputs — series merged by the database, one query per program.
 * Read-only; program readers read ({@link Authority#requireCanReadProgram}).
 */
@ApplicationScoped
@Transactional
public class ProgressService {

    private final ProgressRepository progress;
    private final ProgramRepository programs;
    private final MilestoneRepository milestones;
    private final TargetRepository targets;
    private final MetricSeriesRepository series;
    private final Clock clock;
    private final ApprovalRequestRepository approvals;
    private final CurrentUser currentUser;
    private final PlanHistory history;
    private final ReadCache cache;

    /** For the CDI proxy only. */
    protected ProgressService() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /** Without history: reads of today only (reads as of a past instant throw {@link IllegalStateException}). */
    public ProgressService(ProgressRepository progress, ProgramRepository programs, MilestoneRepository milestones,
            TargetRepository targets, MetricSeriesRepository series, Clock clock, ApprovalRequestRepository approvals,
            CurrentUser currentUser) {
        this(progress, programs, milestones, targets, series, clock, approvals, currentUser, null);
    }

    /** Without a read cache: every read computes. */
    public ProgressService(ProgressRepository progress, ProgramRepository programs, MilestoneRepository milestones,
            TargetRepository targets, MetricSeriesRepository series, Clock clock, ApprovalRequestRepository approvals,
            CurrentUser currentUser, PlanHistory history) {
        this(progress, programs, milestones, targets, series, clock, approvals, currentUser, history, ReadCache.none());
    }

    @Inject
    public ProgressService(ProgressRepository progress, ProgramRepository programs, MilestoneRepository milestones,
            TargetRepository targets, MetricSeriesRepository series, Clock clock, ApprovalRequestRepository approvals,
            CurrentUser currentUser, PlanHistory history, ReadCache cache) {
        this.cache = cache;
        this.history = history;
        this.approvals = approvals;
        this.progress = progress;
        this.programs = programs;
        this.milestones = milestones;
        this.targets = targets;
        this.series = series;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /** A milestone's status today, and why. */
    public MilestoneStatusView milestoneStatus(long milestoneId) {
        Authority.requireCanReadProgram(currentUser, "milestones");
        MilestoneFacts facts = milestones.findById(milestoneId).map(MilestoneFacts::of)
                .orElseThrow(() -> new NotFoundException("milestone", String.valueOf(milestoneId)));
        LocalDate today = LocalDate.now(clock);
        return new Evaluation(List.of(facts), today).of(facts);
    }

    /**
     * The program's progress today: from the read cache when nothing it reads has changed since it was computed
     * (authority is checked first, on every call; the result is the same whoever reads).
     */
    public ProgramProgress programProgress(long programId) {
        Authority.requireCanReadProgram(currentUser, "program progress");
        return cache.read(new ProgramToday(programId), () -> computedProgramProgress(programId));
    }

    /** What {@link #programProgress(long)} depends on besides the data and the day. */
    private record ProgramToday(long programId) {
    }

    private ProgramProgress computedProgramProgress(long programId) {
        Program program = programs.findById(programId)
                .orElseThrow(() -> new NotFoundException("program", String.valueOf(programId)));
        List<MilestoneFacts> facts = progress.milestonesOfProgram(programId);
        LocalDate today = LocalDate.now(clock);
        Evaluation evaluation = new Evaluation(facts, today);
        return rolledUp(program, program.name(), facts, evaluation, today);
    }

    /**
     * The program's progress as the system knew it at {@code asOf}: the plan, overrides, target links
     * and target numbers in force then, the check-ins made by then and the readings received by then,
     * judged on {@code asOf}'s day. Approval requests pending now say nothing about the past and are
     * left out.
     */
    public ProgramProgress programProgress(long programId, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "program progress");
        asOf.requireKnowable(clock);
        Program program = programs.findById(programId)
                .orElseThrow(() -> new NotFoundException("program", String.valueOf(programId)));
        List<MilestoneFacts> facts = requireHistory().milestonesOfProgram(programId, asOf.at());
        // a program not created yet then has no milestones then either; it is named as now
        String name = history.programName(programId, asOf.at()).orElse(program.name());
        return rolledUp(program, name, facts, new Evaluation(facts, asOf.day(), asOf.at()), asOf.day());
    }

    /** Every milestone of the program with the status it showed at {@code asOf}, by id. */
    public List<MilestoneStatusView> milestonesOfProgram(long programId, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "milestones");
        asOf.requireKnowable(clock);
        if (programs.findById(programId).isEmpty()) {
            throw new NotFoundException("program", String.valueOf(programId));
        }
        List<MilestoneFacts> facts = requireHistory().milestonesOfProgram(programId, asOf.at());
        Evaluation evaluation = new Evaluation(facts, asOf.day(), asOf.at());
        return facts.stream().map(evaluation::of).toList();
    }

    private PlanHistory requireHistory() {
        if (history == null) {
            throw new IllegalStateException("this progress service has no plan history to read the past from");
        }
        return history;
    }

    private ProgramProgress rolledUp(Program program, String programName, List<MilestoneFacts> facts, Evaluation evaluation,
            LocalDate today) {
        long programId = program.id();
        List<Assessed> assessed = facts.stream().map(f -> new Assessed(f, evaluation.of(f))).toList();

        Function<Assessed, MilestoneStatus> status = a -> a.view().status();
        ToDoubleFunction<Assessed> weight = a -> a.facts().weight() == null ? RollUp.DEFAULT_WEIGHT : a.facts().weight();

        List<GroupProgress> byInitiative = new ArrayList<>();
        Map<Long, String> initiativeTitles = new HashMap<>();
        facts.forEach(f -> initiativeTitles.put(f.initiativeId(), f.initiativeTitle()));
        inKeyOrder(assessed, a -> a.facts().initiativeId(), status, weight)
                .forEach((id, result) -> byInitiative.add(
                        new GroupProgress(String.valueOf(id), initiativeTitles.get(id), result)));

        List<GroupProgress> byPillar = byPillar(assessed, status, weight);

        List<GroupProgress> byPhase = new ArrayList<>();
        for (Phase phase : program.phases()) {
            byPhase.add(new GroupProgress(String.valueOf(phase.number()), phase.name(),
                    RollUp.of(assessed.stream().filter(a -> a.facts().phaseNumber() == phase.number()).toList(), status, weight)));
        }

        List<GroupProgress> byDepartment = new ArrayList<>();
        inKeyOrder(assessed, a -> a.facts().ownerDepartment(), status, weight)
                .forEach((code, result) -> byDepartment.add(new GroupProgress(code, code, result)));
        Map<String, List<GroupProgress>> pillarsByDepartment = new HashMap<>();
        assessed.stream().collect(Collectors.groupingBy(a -> a.facts().ownerDepartment()))
                .forEach((code, owned) -> pillarsByDepartment.put(code, byPillar(owned, status, weight)));

        List<MilestoneStatusView> attention = assessed.stream()
                .map(Assessed::view)
                .filter(v -> StatusHealth.of(v.status()) == StatusHealth.RED || StatusHealth.of(v.status()) == StatusHealth.AMBER)
                .sorted(Comparator.comparing(MilestoneStatusView::due).thenComparingLong(MilestoneStatusView::milestoneId))
                .toList();

        RollUpResult whole = RollUp.of(assessed, status, weight);
        return new ProgramProgress(programId, programName, today, whole, byInitiative, byPillar, byPhase, byDepartment,
                pillarsByDepartment, attention);
    }

    /**
     * A page of milestones, each with the status it shows today and why. Without a status criterion the
     * database cuts the page and only its milestones are evaluated; with one, every candidate is
     * evaluated and the page is cut from those whose status matches, so the total is exact either way.
     *
     * @throws io.cxtracker.domain.shared.InvalidInputException on {@code sort} for an order the lists do not know
     */
    public Page<MilestoneStatusView> milestones(MilestoneFilter filter, PageRequest page) {
        Authority.requireCanReadProgram(currentUser, "milestones");
        // the page is the same whoever reads: the read cache may serve it while nothing it reads has changed
        return cache.read(new MilestonesToday(filter, page), () -> computedMilestones(filter, page));
    }

    /** What {@link #milestones(MilestoneFilter, PageRequest)} depends on besides the data and the day. */
    private record MilestonesToday(MilestoneFilter filter, PageRequest page) {
    }

    private Page<MilestoneStatusView> computedMilestones(MilestoneFilter filter, PageRequest page) {
        LocalDate today = LocalDate.now(clock);
        if (!filter.byStatus()) {
            Page<MilestoneFacts> facts = progress.milestones(filter, page);
            Evaluation evaluation = new Evaluation(facts.items(), today);
            return facts.map(evaluation::of);
        }
        List<MilestoneFacts> candidates = progress.allMilestones(filter, page);
        Evaluation evaluation = new Evaluation(candidates, today);
        return pageOf(candidates.stream()
                .map(evaluation::of)
                .filter(v -> filter.statuses().contains(v.status()))
                .toList(), page);
    }

    /** The page cut from every evaluated milestone that matches, with their number as the total. */
    private static Page<MilestoneStatusView> pageOf(List<MilestoneStatusView> matching, PageRequest page) {
        int from = (int) Math.min(page.offset(), matching.size());
        int to = (int) Math.min((long) from + page.limit(), matching.size());
        return new Page<>(matching.subList(from, to), matching.size());
    }

    /**
     * A page of milestones as the system knew them at {@code asOf}, each with the status it showed then;
     * the page is cut after evaluating, as for a status criterion, because the past plan is not indexed.
     */
    public Page<MilestoneStatusView> milestones(MilestoneFilter filter, PageRequest page, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "milestones");
        asOf.requireKnowable(clock);
        List<MilestoneFacts> candidates = requireHistory().allMilestones(filter, page, asOf.at());
        Evaluation evaluation = new Evaluation(candidates, asOf.day(), asOf.at());
        return pageOf(candidates.stream()
                .map(evaluation::of)
                .filter(v -> !filter.byStatus() || filter.statuses().contains(v.status()))
                .toList(), page);
    }

    /**
     * What a department owns, today: its milestones in every program (or in one), rolled up as a whole,
     * by pillar and by phase number, with those needing attention.
     *
     * @param programId null for every program
     * @throws NotFoundException when the program does not exist or the code cannot name a department
     */
    public DepartmentProgress departmentProgress(String departmentCode, Long programId) {
        Authority.requireCanReadProgram(currentUser, "department progress");
        if (!DepartmentCode.isValid(departmentCode)) {
            throw new NotFoundException("department", String.valueOf(departmentCode));
        }
        if (programId != null && programs.findById(programId).isEmpty()) {
            throw new NotFoundException("program", String.valueOf(programId));
        }
        List<MilestoneFacts> facts = progress.allMilestones(
                MilestoneFilter.ofDepartment(new DepartmentCode(departmentCode), programId),
                new PageRequest(0, 1, "due", true));
        LocalDate today = LocalDate.now(clock);
        return departmentRolledUp(departmentCode, programId, facts, new Evaluation(facts, today), today);
    }

    /** What a department owned as the system knew it at {@code asOf} (see {@link #programProgress(long, AsOf)}). */
    public DepartmentProgress departmentProgress(String departmentCode, Long programId, AsOf asOf) {
        Authority.requireCanReadProgram(currentUser, "department progress");
        asOf.requireKnowable(clock);
        if (!DepartmentCode.isValid(departmentCode)) {
            throw new NotFoundException("department", String.valueOf(departmentCode));
        }
        if (programId != null && programs.findById(programId).isEmpty()) {
            throw new NotFoundException("program", String.valueOf(programId));
        }
        List<MilestoneFacts> facts = requireHistory().allMilestones(
                MilestoneFilter.ofDepartment(new DepartmentCode(departmentCode), programId),
                new PageRequest(0, 1, "due", true), asOf.at());
        return departmentRolledUp(departmentCode, programId, facts, new Evaluation(facts, asOf.day(), asOf.at()),
                asOf.day());
    }

    private DepartmentProgress departmentRolledUp(String departmentCode, Long programId, List<MilestoneFacts> facts,
            Evaluation evaluation, LocalDate today) {
        List<Assessed> assessed = facts.stream().map(f -> new Assessed(f, evaluation.of(f))).toList();
        Function<Assessed, MilestoneStatus> status = a -> a.view().status();
        ToDoubleFunction<Assessed> weight = a -> a.facts().weight() == null ? RollUp.DEFAULT_WEIGHT : a.facts().weight();

        List<GroupProgress> byPillar = byPillar(assessed, status, weight);
        Map<Integer, String> phaseNames = new TreeMap<>();
        facts.forEach(f -> phaseNames.putIfAbsent(f.phaseNumber(), f.phaseName()));
        List<GroupProgress> byPhase = new ArrayList<>();
        inKeyOrder(assessed, a -> a.facts().phaseNumber(), status, weight)
                .forEach((number, result) -> byPhase.add(
                        new GroupProgress(String.valueOf(number), phaseNames.get(number), result)));

        List<MilestoneStatusView> views = assessed.stream().map(Assessed::view).toList();
        return new DepartmentProgress(departmentCode, programId, today, RollUp.of(assessed, status, weight), byPillar,
                byPhase, views, needingAttention(views));
    }

    /**
     * The statuses of the given milestones as they stood on {@code asOf} (a report judges its period on
     * its as-of day, not today): targets evaluated by the same rules and gathering as everywhere else,
     * from facts the caller read as of that day (latest check-in, override in force). One pass loads
     * every linked target and its series once.
     */
    public List<MilestoneStatusView> statusesAsOf(List<MilestoneFacts> facts, LocalDate asOf) {
        Authority.requireCanReadProgram(currentUser, "milestones");
        if (facts.isEmpty()) {
            return List.of();
        }
        // requests pending now say nothing about a past day
        Evaluation evaluation = new Evaluation(facts, asOf, false);
        return facts.stream().map(evaluation::of).toList();
    }

    private static List<MilestoneStatusView> needingAttention(List<MilestoneStatusView> views) {
        return views.stream()
                .filter(v -> StatusHealth.of(v.status()) == StatusHealth.RED || StatusHealth.of(v.status()) == StatusHealth.AMBER)
                .sorted(Comparator.comparing(MilestoneStatusView::due).thenComparingLong(MilestoneStatusView::milestoneId))
                .toList();
    }

    /** Every pillar, in order, with the roll-up of the given milestones in it (NO_DATA when none). */
    private static List<GroupProgress> byPillar(List<Assessed> assessed, Function<Assessed, MilestoneStatus> status,
            ToDoubleFunction<Assessed> weight) {
        List<GroupProgress> byPillar = new ArrayList<>();
        for (Pillar pillar : Pillar.values()) {
            byPillar.add(new GroupProgress(pillar.name(), pillar.title(),
                    RollUp.of(assessed.stream().filter(a -> a.facts().pillar() == pillar).toList(), status, weight)));
        }
        return byPillar;
    }

    /**
     * The groups rolled up in the order of their keys, each group's milestones in the order given: what a stable sort
     * of every milestone by key before grouping gave, without sorting the 2,000 milestones of a large program three
     * times per dashboard (a tenth of a computed program dashboard in a profile).
     */
    private static <K extends Comparable<? super K>> Map<K, RollUpResult> inKeyOrder(List<Assessed> assessed,
            Function<Assessed, K> key, Function<Assessed, MilestoneStatus> status, ToDoubleFunction<Assessed> weight) {
        return new TreeMap<>(RollUp.rollUp(assessed, key, status, weight));
    }

    private record Assessed(MilestoneFacts facts, MilestoneStatusView view) {
    }

    private record EvaluationKey(long targetId, LocalDate asOf) {
    }

    /**
     * Evaluates milestones against their linked targets, loading each target once and each target's
     * series once (over the union of the windows it is evaluated in), and evaluating each target once
     * per evaluation date.
     */
    private final class Evaluation {
        private final LocalDate today;
        private final Map<Long, Target> targetsById = new HashMap<>();
        private final Map<Long, SeriesScope> scopes = new HashMap<>();
        private final Map<SeriesScope, List<SeriesPoint>> seriesByScope;
        private final Map<EvaluationKey, TargetEvaluation> evaluations = new HashMap<>();
        private final Map<Long, List<PendingRequest>> pending = new HashMap<>();

        Evaluation(List<MilestoneFacts> facts, LocalDate today) {
            this(facts, today, true, null);
        }

        Evaluation(List<MilestoneFacts> facts, LocalDate today, boolean withPending) {
            this(facts, today, withPending, null);
        }

        /** As known at {@code knownAt}: the targets' numbers and the readings of then, nothing pending. */
        Evaluation(List<MilestoneFacts> facts, LocalDate today, Instant knownAt) {
            this(facts, today, false, knownAt);
        }

        private Evaluation(List<MilestoneFacts> facts, LocalDate today, boolean withPending, Instant knownAt) {
            this.today = today;
            if (withPending && !facts.isEmpty()) {
                approvals.pendingOf(facts.stream().map(MilestoneFacts::id).toList()).forEach(r -> pending
                        .computeIfAbsent(r.milestone().id(), id -> new ArrayList<>()).add(PendingRequest.of(r)));
            }
            Set<Long> ids = new LinkedHashSet<>();
            facts.forEach(f -> ids.addAll(f.targetIds()));
            if (!ids.isEmpty()) {
                targets.findAllById(ids).forEach(t -> targetsById.put(t.id(), t));
                if (knownAt != null) {
                    Map<Long, TargetPlan> then = requireHistory().targets(ids, knownAt);
                    targetsById.replaceAll((id, t) -> then.containsKey(id) ? then.get(id).appliedTo(t) : null);
                    targetsById.values().removeIf(Objects::isNull);
                }
            }
            Map<Long, DateRange> windows = new HashMap<>();
            for (MilestoneFacts f : facts) {
                LocalDate asOf = MilestoneStatusDerivation.targetsEvaluatedAsOf(f.due(), today);
                for (Long id : f.targetIds()) {
                    Target target = targetsById.get(id);
                    if (target != null) {
                        windows.merge(id, target.windowEndingOn(asOf), DateRange::span);
                    }
                }
            }
            windows.forEach((id, range) -> {
                Target target = targetsById.get(id);
                scopes.put(id, new SeriesScope(target.metric(), target.department(), range));
            });
            seriesByScope = scopes.isEmpty() ? Map.of()
                    : knownAt == null ? series.daily(new LinkedHashSet<>(scopes.values()))
                    : requireHistory().daily(new LinkedHashSet<>(scopes.values()), knownAt);
        }

        MilestoneStatusView of(MilestoneFacts f) {
            LocalDate asOf = MilestoneStatusDerivation.targetsEvaluatedAsOf(f.due(), today);
            List<TargetStatusView> linked = new ArrayList<>();
            for (Long id : f.targetIds()) {
                Target target = targetsById.get(id);
                if (target == null) {
                    continue;
                }
                TargetEvaluation verdict = evaluations.computeIfAbsent(new EvaluationKey(id, asOf),
                        key -> target.evaluate(seriesByScope.getOrDefault(scopes.get(id), List.of()), asOf));
                linked.add(new TargetStatusView(id, target.metric().key().value(),
                        target.department() == null ? null : target.department().code().value(), target.baseline(),
                        target.targetValue(), target.due(), asOf, verdict));
            }
            MilestoneStatus derived = MilestoneStatusDerivation.derive(f.due(), today,
                    linked.stream().map(TargetStatusView::evaluation).toList(), Optional.ofNullable(f.reportedStatus()));
            EffectiveStatus effective = f.override() == null
                    ? EffectiveStatus.derivedOnly(derived)
                    : f.override().appliedTo(derived);
            return new MilestoneStatusView(f.id(), f.title(), f.initiativeId(), f.pillar(), f.phaseNumber(),
                    f.ownerDepartment(), f.due(), today, effective.status(), effective.derived(),
                    effective.override().orElse(null), linked, pending.getOrDefault(f.id(), List.of()));
        }
    }
}
