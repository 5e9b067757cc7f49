package io.cxtracker.domain.boardpack;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.targets.Rag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything a board pack shows, in the order it shows it, the same for every format: the program's RAG,
 * pillars × phases, one scorecard per department, the top risks with their reasons, the headline metrics'
 * trends against target and forecast, what changed since the last review, and the overdue items.
 *
 * @param phaseNames the program's phases, in order; every {@link PillarRow} has one cell per phase
 */
public record BoardPack(BoardPackHeader header, RollUpResult program, List<String> phaseNames,
        List<PillarRow> pillarsByPhase, List<Scorecard> scorecards, List<RiskLine> topRisks, List<Trend> trends,
        Changes changes, List<RiskLine> overdue) {

    public BoardPack {
        phaseNames = List.copyOf(phaseNames);
        pillarsByPhase = List.copyOf(pillarsByPhase);
        scorecards = List.copyOf(scorecards);
        topRisks = List.copyOf(topRisks);
        trends = List.copyOf(trends);
        overdue = List.copyOf(overdue);
    }

    /** One pillar's milestones rolled up per phase (same order as the pack's phase names) and in total. */
    public record PillarRow(Pillar pillar, List<RollUpResult> byPhase, RollUpResult total) {
        public PillarRow {
            byPhase = List.copyOf(byPhase);
        }
    }

    /**
     * A department's page: its milestones in the program rolled up as a whole and per pillar (in
     * {@link Pillar} order), the verdicts of its targets, and its items needing attention.
     */
    public record Scorecard(String code, String name, RollUpResult overall, List<RollUpResult> byPillar,
            List<TargetLine> targets, List<RiskLine> attention) {
        public Scorecard {
            byPillar = List.copyOf(byPillar);
            targets = List.copyOf(targets);
            attention = List.copyOf(attention);
        }
    }

    /** A milestone that needs attention, with the reason in words. */
    public record RiskLine(long milestoneId, String title, String departmentCode, String departmentName, LocalDate due,
            MilestoneStatus status, String reason) {
    }

    /**
     * A target's verdict as of the pack's day.
     *
     * @param departmentCode null for the whole company
     * @param forecast the trend projected to the due date; empty without data or once it has passed
     */
    public record TargetLine(String metricKey, String metricName, String unit, String departmentCode, double baseline,
            double target, LocalDate due, OptionalDouble current, OptionalDouble forecast, Rag rag, String reason) {
    }

    /** A headline metric's monthly values up to the pack's day, against its company-wide target. */
    public record Trend(TargetLine target, List<TrendPoint> points) {
        public Trend {
            points = List.copyOf(points);
        }
    }

    /** One month's value; {@code month} is the first day of the month. */
    public record TrendPoint(LocalDate month, double value) {
    }

    /**
     * What changed between the last review and the pack's day: how many changes of each kind, and the
     * latest ones in words.
     *
     * @param counts kind ("milestone status", "check-in", …) to number of changes, most frequent first
     */
    public record Changes(LocalDate since, LocalDate until, List<KindCount> counts, List<Change> latest, long total) {
        public Changes {
            counts = List.copyOf(counts);
            latest = List.copyOf(latest);
        }
    }

    public record KindCount(String kind, long count) {
    }

    /** One change: when, by whom, to what, and what it said. */
    public record Change(Instant at, String actor, String subject, String detail) {
    }
}
