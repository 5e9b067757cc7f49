package io.cxtracker.domain.review;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.domain.progress.GroupProgress;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.ProgramProgress;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.progress.TargetStatusView;
import io.cxtracker.domain.rollup.RollUp;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.rollup.StatusHealth;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.targets.Rag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The executive review: what changed in a program between two instants, each side read exactly as the
 * system knew it then ({@link ProgressService#programProgress(long, AsOf)}), and the recorded reviews
 * that "since the last review" counts from. Reads are program reads (leads read the whole plan);
 * marking a review is an executive's or a program admin's act, audited.
 */
@ApplicationScoped
@Transactional
public class ReviewService {

    /** Where "since the last review" starts when no review was ever recorded. */
    public static final Duration WITHOUT_REVIEW = Duration.ofDays(90);
    public static final int NOTE_MAX_LENGTH = 1000;
    static final String ENTITY = "program-review";

    private final ProgressService progress;
    private final ReviewRepository reviews;
    private final ProgramRepository programs;
    private final AuditRecorder audit;
    private final Clock clock;
    private final CurrentUser currentUser;

    /** For the CDI proxy only. */
    protected ReviewService() {
        this(null, null, null, null, null, null);
    }

    @Inject
    public ReviewService(ProgressService progress, ReviewRepository reviews, ProgramRepository programs,
            AuditRecorder audit, Clock clock, CurrentUser currentUser) {
        this.progress = progress;
        this.reviews = reviews;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /**
     * What changed between {@code from} and {@code to}.
     *
     * @param from null for the last recorded review before {@code to}, or 90 days ({@link #WITHOUT_REVIEW})
     *        before {@code to} without one
     * @param to null for now; an instant after now counts as now (nothing is known beyond it)
     * @throws io.cxtracker.domain.shared.InvalidInputException naming {@code from} when it is not before {@code to}
     * @throws NotFoundException when the program does not exist
     */
    public ProgramChanges changes(long programId, Instant from, Instant to) {
        Authority.requireCanReadProgram(currentUser, "program changes");
        String name = programs.findById(programId)
                .orElseThrow(() -> new NotFoundException("program", String.valueOf(programId))).name();
        Instant now = clock.instant();
        Instant end = to == null || to.isAfter(now) ? now : to;
        ReviewMark since = null;
        Instant start = from;
        if (start == null) {
            since = reviews.lastReview(programId, end).filter(r -> r.reviewedAt().isBefore(end)).orElse(null);
            start = since == null ? end.minus(WITHOUT_REVIEW) : since.reviewedAt();
        }
        Violations violations = new Violations();
        violations.check(!end.isBefore(AsOf.EARLIEST), "to", "must not be before " + AsOf.EARLIEST);
        violations.check(start.isBefore(end), "from", "must be before to (" + end + ")");
        violations.check(!start.isBefore(AsOf.EARLIEST), "from", "must not be before " + AsOf.EARLIEST);
        violations.throwIfAny();
        return compare(programId, name, start, end, since);
    }

    /** The program's latest recorded review, if any. */
    public Optional<ReviewMark> lastReview(long programId) {
        Authority.requireCanReadProgram(currentUser, "program reviews");
        requireProgram(programId);
        return reviews.lastReview(programId, clock.instant());
    }

    /**
     * Records that the program was reviewed now: later "what changed" reads count from here.
     *
     * @param note optional, at most {@value #NOTE_MAX_LENGTH} characters
     * @throws io.cxtracker.domain.shared.InvalidInputException naming {@code note}
     */
    public ReviewMark markReviewed(long programId, String note) {
        Authority.requireAnyRole(currentUser, "mark a program reviewed", Role.EXECUTIVE, Role.PROGRAM_ADMIN);
        requireProgram(programId);
        Violations violations = new Violations();
        String text = violations.optionalText("note", note, NOTE_MAX_LENGTH);
        violations.throwIfAny();
        // to the microsecond, as PostgreSQL keeps it: the mark returned is the mark read back later
        ReviewMark mark = reviews.record(programId, clock.instant().truncatedTo(ChronoUnit.MICROS), currentUser.name(), text);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("program", programId);
        fields.put("reviewedAt", mark.reviewedAt());
        fields.put("note", text);
        audit.record(AuditEntry.of(ENTITY, mark.id(), AuditEntry.CREATE).created(fields));
        return mark;
    }

    private void requireProgram(long programId) {
        if (programs.findById(programId).isEmpty()) {
            throw new NotFoundException("program", String.valueOf(programId));
        }
    }

    private ProgramChanges compare(long programId, String name, Instant from, Instant to, ReviewMark since) {
        AsOf before = new AsOf(from);
        AsOf after = new AsOf(to);
        Map<Long, MilestoneStatusView> then = byId(progress.milestonesOfProgram(programId, before));
        List<MilestoneStatusView> now = progress.milestonesOfProgram(programId, after);
        List<CheckInMade> checkIns = reviews.checkInsBetween(programId, from, to);
        List<OverrideMade> overrides = reviews.overridesBetween(programId, from, to);

        List<StatusChange> statusChanges = new ArrayList<>();
        List<MilestoneChange> newAtRisk = new ArrayList<>();
        List<MilestoneChange> newOverdue = new ArrayList<>();
        for (MilestoneStatusView view : now) {
            MilestoneStatusView old = then.get(view.milestoneId());
            MilestoneStatus was = old == null ? null : old.status();
            if (was != view.status()) {
                statusChanges.add(explained(view, was, checkIns, overrides));
            }
            if (atRisk(view.status()) && (was == null || !atRisk(was))) {
                newAtRisk.add(change(view, was));
            }
            if (view.status() == MilestoneStatus.OVERDUE && was != MilestoneStatus.OVERDUE) {
                newOverdue.add(change(view, was));
            }
        }

        ProgramProgress first = progress.programProgress(programId, before);
        ProgramProgress last = progress.programProgress(programId, after);
        List<GroupMovement> groups = new ArrayList<>();
        groups.addAll(movements(GroupMovement.PILLAR, first.byPillar(), last.byPillar()));
        groups.addAll(movements(GroupMovement.DEPARTMENT, first.byDepartment(), last.byDepartment()));

        return new ProgramChanges(programId, name, from, to, since, statusChanges, newAtRisk, newOverdue,
                ragChanges(then.values(), now), groups, metricMovements(then.values(), now), checkIns, overrides);
    }

    /** At risk as a review reads it: amber or red, but overdue has a list of its own. */
    static boolean atRisk(MilestoneStatus status) {
        StatusHealth health = StatusHealth.of(status);
        return (health == StatusHealth.AMBER || health == StatusHealth.RED) && status != MilestoneStatus.OVERDUE;
    }

    private static MilestoneChange change(MilestoneStatusView view, MilestoneStatus was) {
        return new MilestoneChange(view.milestoneId(), view.title(), view.pillar(), view.ownerDepartment(), view.due(),
                was, view.status());
    }

    /** The latest act on the milestone in between explains the change; without one, what drove it. */
    private static StatusChange explained(MilestoneStatusView view, MilestoneStatus was, List<CheckInMade> checkIns,
            List<OverrideMade> overrides) {
        CheckInMade checkIn = checkIns.stream().filter(c -> c.milestoneId() == view.milestoneId())
                .max(Comparator.comparing(CheckInMade::at)).orElse(null);
        OverrideMade override = overrides.stream().filter(o -> o.milestoneId() == view.milestoneId())
                .max(Comparator.comparing(OverrideMade::at)).orElse(null);
        if (override != null && (checkIn == null || !checkIn.at().isAfter(override.at()))) {
            String why = override.status() == null ? "override cleared" : override.reason();
            return statusChange(view, was, override.by(), why, override.at());
        }
        if (checkIn != null) {
            String why = checkIn.comment() == null || checkIn.comment().isBlank()
                    ? "checked in " + checkIn.status() : checkIn.comment();
            return statusChange(view, was, checkIn.author(), why, checkIn.at());
        }
        String why;
        if (view.status() == MilestoneStatus.OVERDUE) {
            why = "due " + view.due() + " passed without being done";
        } else if (!view.targets().isEmpty()) {
            why = view.targets().stream().map(t -> t.metricKey() + ": " + t.evaluation().reason())
                    .collect(Collectors.joining("; "));
        } else if (was == null) {
            why = "added to the plan";
        } else {
            why = "derived from its evidence";
        }
        return statusChange(view, was, null, why, null);
    }

    private static StatusChange statusChange(MilestoneStatusView view, MilestoneStatus was, String by, String why,
            Instant at) {
        return new StatusChange(view.milestoneId(), view.title(), view.pillar(), view.ownerDepartment(), was,
                view.status(), by, why, at);
    }

    private static List<GroupMovement> movements(String kind, List<GroupProgress> first, List<GroupProgress> last) {
        Map<String, GroupProgress> before = first.stream()
                .collect(Collectors.toMap(GroupProgress::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        RollUpResult empty = RollUp.of(List.<MilestoneStatus>of(), s -> s, s -> RollUp.DEFAULT_WEIGHT);
        List<GroupMovement> movements = new ArrayList<>();
        for (GroupProgress group : last) {
            GroupProgress old = before.get(group.key());
            movements.add(new GroupMovement(kind, group.key(), group.label(), old == null ? empty : old.rollUp(),
                    group.rollUp()));
        }
        return movements;
    }

    private static List<RagChange> ragChanges(Iterable<MilestoneStatusView> then, List<MilestoneStatusView> now) {
        Map<Long, TargetStatusView> before = targetsById(then);
        List<RagChange> changes = new ArrayList<>();
        targetsById(now).forEach((id, target) -> {
            TargetStatusView old = before.get(id);
            Rag was = old == null ? Rag.NO_DATA : old.evaluation().rag();
            if (was != target.evaluation().rag()) {
                changes.add(new RagChange(id, target.metricKey(), target.departmentCode(), was,
                        target.evaluation().rag(), target.evaluation().reason()));
            }
        });
        changes.sort(Comparator.comparingLong(RagChange::targetId));
        return changes;
    }

    private record Scope(Pillar pillar, String department, String metricKey) {
    }

    private static List<MetricMovement> metricMovements(Iterable<MilestoneStatusView> then,
            List<MilestoneStatusView> now) {
        Map<Scope, OptionalDouble> before = values(then);
        Map<Scope, OptionalDouble> after = values(now);
        List<MetricMovement> movements = new ArrayList<>();
        after.forEach((scope, value) -> movements.add(new MetricMovement(
                scope.pillar(), scope.department(), scope.metricKey(),
                before.getOrDefault(scope, OptionalDouble.empty()), value)));
        movements.sort(Comparator.comparing(MetricMovement::pillar)
                .thenComparing(m -> Objects.requireNonNullElse(m.departmentCode(), ""))
                .thenComparing(MetricMovement::metricKey));
        return movements;
    }

    /** The first linked target's value per pillar, department and metric (targets of one scope share the series). */
    private static Map<Scope, OptionalDouble> values(Iterable<MilestoneStatusView> views) {
        Map<Scope, OptionalDouble> values = new LinkedHashMap<>();
        for (MilestoneStatusView view : views) {
            for (TargetStatusView target : view.targets()) {
                values.putIfAbsent(new Scope(view.pillar(), target.departmentCode(), target.metricKey()),
                        target.evaluation().current());
            }
        }
        return values;
    }

    private static Map<Long, TargetStatusView> targetsById(Iterable<MilestoneStatusView> views) {
        Map<Long, TargetStatusView> targets = new LinkedHashMap<>();
        for (MilestoneStatusView view : views) {
            view.targets().forEach(t -> targets.putIfAbsent(t.targetId(), t));
        }
        return targets;
    }

    private static Map<Long, MilestoneStatusView> byId(List<MilestoneStatusView> views) {
        return views.stream().collect(Collectors.toMap(MilestoneStatusView::milestoneId, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }
}
