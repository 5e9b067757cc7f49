package io.cxtracker.domain.boardpack;

import io.cxtracker.domain.boardpack.BoardPack.Change;
import io.cxtracker.domain.boardpack.BoardPack.Changes;
import io.cxtracker.domain.boardpack.BoardPack.KindCount;
import io.cxtracker.domain.boardpack.BoardPack.PillarRow;
import io.cxtracker.domain.boardpack.BoardPack.RiskLine;
import io.cxtracker.domain.boardpack.BoardPack.TrendPoint;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.TargetStatusView;
import io.cxtracker.domain.rollup.RollUp;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.review.ProgramChanges;
import io.cxtracker.domain.review.RagChange;
import io.cxtracker.domain.review.StatusChange;
import io.cxtracker.domain.rollup.StatusHealth;
import io.cxtracker.domain.targets.TargetEvaluation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The rules that turn evaluated milestones into what a board pack shows: roll-ups by pillar × phase
 * (weighted as on the dashboard), which risks come first, what is overdue, the reason in words, and which
 * day "what changed" starts from. Plain functions, unit-tested with hand-made milestones.
 */
public final class BoardPackContent {
    /** An executive reads ten risks, not fifty: the rest are in the scorecards and the appendix. */
    public static final int TOP_RISKS = 10;
    public static final int ATTENTION_PER_DEPARTMENT = 8;
    public static final int LATEST_CHANGES = 15;
    public static final int HEADLINE_METRICS = 4;
    /** Reviews are quarterly: without an earlier pack, "what changed" covers the quarter before. */
    public static final int DEFAULT_REVIEW_MONTHS = 3;

    private BoardPackContent() {
    }

    /** A milestone with the status it showed on the pack's day. */
    public record Assessed(MilestoneFacts facts, MilestoneStatusView view) {
    }

    public static RollUpResult rollUp(List<Assessed> items) {
        return RollUp.of(items, a -> a.view().status(),
                a -> a.facts().weight() == null ? RollUp.DEFAULT_WEIGHT : a.facts().weight());
    }

    /** One row per pillar (every pillar, empty ones NO_DATA), one cell per phase number given, plus the row's total. */
    public static List<PillarRow> pillarsByPhase(List<Assessed> items, List<Integer> phaseNumbers) {
        List<PillarRow> rows = new ArrayList<>();
        for (Pillar pillar : Pillar.values()) {
            List<Assessed> ofPillar = items.stream().filter(a -> a.facts().pillar() == pillar).toList();
            List<RollUpResult> cells = phaseNumbers.stream()
                    .map(n -> rollUp(ofPillar.stream().filter(a -> a.facts().phaseNumber() == n).toList()))
                    .toList();
            rows.add(new PillarRow(pillar, cells, rollUp(ofPillar)));
        }
        return rows;
    }

    /** Per pillar, in {@link Pillar} order. */
    public static List<RollUpResult> byPillar(List<Assessed> items) {
        return java.util.Arrays.stream(Pillar.values())
                .map(p -> rollUp(items.stream().filter(a -> a.facts().pillar() == p).toList()))
                .toList();
    }

    /**
     * The milestones needing attention, worst first: red before amber, then the earliest due, then the
     * lowest id (so two packs of the same day list the same risks in the same order).
     */
    public static List<RiskLine> risks(List<MilestoneStatusView> views, Map<String, String> departmentNames, int limit) {
        Comparator<MilestoneStatusView> worstFirst = Comparator
                .comparing((MilestoneStatusView v) -> StatusHealth.of(v.status()) == StatusHealth.RED ? 0 : 1)
                .thenComparing(MilestoneStatusView::due)
                .thenComparingLong(MilestoneStatusView::milestoneId);
        return lines(views, BoardPackContent::needsAttention, worstFirst, departmentNames, limit);
    }

    /** Every milestone overdue on the pack's day, the longest overdue first. */
    public static List<RiskLine> overdue(List<MilestoneStatusView> views, Map<String, String> departmentNames) {
        Comparator<MilestoneStatusView> oldestFirst = Comparator.comparing(MilestoneStatusView::due)
                .thenComparingLong(MilestoneStatusView::milestoneId);
        return lines(views, v -> v.status() == MilestoneStatus.OVERDUE, oldestFirst, departmentNames, Integer.MAX_VALUE);
    }

    private static List<RiskLine> lines(List<MilestoneStatusView> views, Predicate<MilestoneStatusView> which,
            Comparator<MilestoneStatusView> order, Map<String, String> names, int limit) {
        return views.stream().filter(which).sorted(order).limit(limit)
                .map(v -> new RiskLine(v.milestoneId(), v.title(), v.ownerDepartment(),
                        names.getOrDefault(v.ownerDepartment(), v.ownerDepartment()), v.due(), v.status(), reason(v)))
                .toList();
    }

    static boolean needsAttention(MilestoneStatusView v) {
        StatusHealth health = StatusHealth.of(v.status());
        return health == StatusHealth.RED || health == StatusHealth.AMBER;
    }

    /**
     * Why the milestone shows its status, in a sentence an executive can repeat: the override and who made
     * it, each linked target that is not met with its numbers, how long it is overdue, or what its last
     * check-in said.
     */
    public static String reason(MilestoneStatusView v) {
        List<String> parts = new ArrayList<>();
        if (v.isOverridden()) {
            parts.add("Set to " + words(v.status()) + " by " + v.override().by() + ": " + v.override().reason());
        }
        for (TargetStatusView t : v.targets()) {
            TargetEvaluation e = t.evaluation();
            if (!e.met()) {
                parts.add(t.metricKey() + (t.departmentCode() == null ? "" : " (" + t.departmentCode() + ")") + " "
                        + number(e.current()) + " vs target " + number(t.targetValue())
                        + (e.forecast().isPresent() ? ", forecast " + number(e.forecast()) + " by " + t.due() : "")
                        + " — " + e.reason());
            }
        }
        if (v.status() == MilestoneStatus.OVERDUE) {
            long days = ChronoUnit.DAYS.between(v.due(), v.asOf());
            parts.add(days + " day" + (days == 1 ? "" : "s") + " past due (" + v.due() + ") and not done");
        } else if (parts.isEmpty()) {
            parts.add("Last check-in: " + words(v.status()));
        }
        return String.join("; ", parts);
    }

    /** "at risk", "off track", … */
    public static String words(MilestoneStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A number as the pack prints it: at most one decimal, "–" when there is none. */
    public static String number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "\u2013";
    }

    public static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    /** The last review's as-of day if there was one before this day, else the same day {@value #DEFAULT_REVIEW_MONTHS} months earlier. */
    public static LocalDate defaultSince(java.util.Optional<LocalDate> lastReview, LocalDate asOf) {
        return lastReview.filter(d -> d.isBefore(asOf)).orElse(asOf.minusMonths(DEFAULT_REVIEW_MONTHS));
    }

    /**
     * What changed between the last review and the pack's day, from the review's comparison: how many of each kind,
     * and the latest status changes and overrides in words, newest first (changes nobody made — the data or a due
     * date passing — after those somebody made).
     */
    public static Changes changes(LocalDate since, LocalDate until, ProgramChanges c, Map<String, String> names) {
        List<KindCount> counts = List.of(
                new KindCount("Milestones whose status changed", c.statusChanges().size()),
                new KindCount("Newly at risk", c.newAtRisk().size()),
                new KindCount("Newly overdue", c.newOverdue().size()),
                new KindCount("Targets whose RAG changed", c.targetRagChanges().size()),
                new KindCount("Check-ins", c.checkIns().size()),
                new KindCount("Overrides set or cleared", c.overrides().size()));
        List<Change> latest = new ArrayList<>();
        for (StatusChange s : c.statusChanges()) {
            latest.add(new Change(s.at(), s.by() == null ? "(data)" : s.by(), s.title() + " ("
                    + names.getOrDefault(s.ownerDepartment(), s.ownerDepartment()) + ")",
                    (s.from() == null ? "new" : words(s.from())) + " \u2192 " + words(s.to())
                            + (s.why() == null || s.why().isBlank() ? "" : ": " + s.why())));
        }
        for (RagChange r : c.targetRagChanges()) {
            latest.add(new Change(null, "(data)", "target " + r.metricKey() + (r.departmentCode() == null ? "" : " ("
                    + names.getOrDefault(r.departmentCode(), r.departmentCode()) + ")"),
                    r.from().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " \u2192 "
                            + r.to().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + r.reason()));
        }
        Comparator<Change> newestFirst = Comparator.comparing(Change::at, Comparator.nullsLast(Comparator.reverseOrder()));
        List<Change> sorted = latest.stream().sorted(newestFirst).limit(LATEST_CHANGES).toList();
        return new Changes(since, until, counts, sorted, counts.stream().mapToLong(KindCount::count).sum());
    }

    /** Daily statistics merged per calendar month (exactly, from the sufficient statistics), months without a value left out. */
    public static List<TrendPoint> monthly(List<SeriesPoint> daily) {
        Map<LocalDate, MetricStatistics> months = new java.util.TreeMap<>();
        daily.forEach(p -> months.merge(p.day().withDayOfMonth(1), p.statistics(), MetricStatistics::merge));
        List<TrendPoint> points = new ArrayList<>();
        months.forEach((month, statistics) -> statistics.value().ifPresent(v -> points.add(new TrendPoint(month, v))));
        return points;
    }
}
