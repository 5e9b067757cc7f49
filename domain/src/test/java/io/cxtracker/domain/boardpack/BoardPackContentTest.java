package io.cxtracker.domain.boardpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.boardpack.BoardPack.Changes;
import io.cxtracker.domain.boardpack.BoardPack.PillarRow;
import io.cxtracker.domain.boardpack.BoardPack.RiskLine;
import io.cxtracker.domain.boardpack.BoardPackContent.Assessed;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.StatusOverride;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.review.CheckInMade;
import io.cxtracker.domain.review.ProgramChanges;
import io.cxtracker.domain.review.RagChange;
import io.cxtracker.domain.review.StatusChange;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.targets.Rag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BoardPackContentTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final Map<String, String> NAMES = Map.of("support", "Customer Support", "sales", "Sales");

    static Assessed item(long id, Pillar pillar, int phase, String department, LocalDate due, Double weight,
            MilestoneStatus status) {
        MilestoneFacts facts = new MilestoneFacts(id, "M" + id, 1, "I", pillar, phase, "P" + phase, department, due, weight,
                null, null, List.of());
        MilestoneStatusView view = new MilestoneStatusView(id, "M" + id, 1, pillar, phase, department, due, AS_OF, status,
                status, null, List.of(), List.of());
        return new Assessed(facts, view);
    }

    /**
     * Listen: phase 1 has M1 on track (weight 1) and M2 off track (weight 3) → red share 3/4 > 1/3 → red;
     * phase 2 has M3 at risk → amber. Measure: nothing → no data. Change: M4 done in phase 2 → green.
     * Listen in total: 1 healthy + 1 amber + 3 red of 5 → 3/5 red → red.
     */
    @Test
    void pillarsByPhaseRollsUpEachCellWithTheMilestonesWeights() {
        List<Assessed> items = List.of(
                item(1, Pillar.LISTEN, 1, "support", AS_OF.plusDays(10), null, MilestoneStatus.ON_TRACK),
                item(2, Pillar.LISTEN, 1, "sales", AS_OF.plusDays(20), 3.0, MilestoneStatus.OFF_TRACK),
                item(3, Pillar.LISTEN, 2, "support", AS_OF.plusDays(30), null, MilestoneStatus.AT_RISK),
                item(4, Pillar.CHANGE, 2, "sales", AS_OF.minusDays(5), null, MilestoneStatus.DONE));

        List<PillarRow> rows = BoardPackContent.pillarsByPhase(items, List.of(1, 2, 3));

        assertEquals(List.of(Pillar.LISTEN, Pillar.MEASURE, Pillar.CHANGE), rows.stream().map(PillarRow::pillar).toList());
        PillarRow listen = rows.get(0);
        assertEquals(List.of(Rag.RED, Rag.AMBER, Rag.NO_DATA), listen.byPhase().stream().map(RollUpResult::rag).toList());
        assertEquals(2, listen.byPhase().get(0).itemCount());
        assertEquals(0.75, listen.byPhase().get(0).redShare(), 1e-12);
        assertEquals(Rag.RED, listen.total().rag());
        assertEquals(0.6, listen.total().redShare(), 1e-12);
        assertEquals(Rag.NO_DATA, rows.get(1).total().rag());
        assertEquals(List.of(Rag.NO_DATA, Rag.GREEN, Rag.NO_DATA), rows.get(2).byPhase().stream().map(RollUpResult::rag).toList());
    }

    /** Red before amber, then the earliest due, then the lowest id; healthy and not-started ones never. */
    @Test
    void risksComeWorstFirstAndAreCut() {
        List<MilestoneStatusView> views = List.of(
                item(7, Pillar.LISTEN, 1, "support", AS_OF.plusDays(1), null, MilestoneStatus.AT_RISK).view(),
                item(5, Pillar.LISTEN, 1, "sales", AS_OF.plusDays(40), null, MilestoneStatus.BLOCKED).view(),
                item(6, Pillar.LISTEN, 1, "sales", AS_OF.minusDays(3), null, MilestoneStatus.OVERDUE).view(),
                item(4, Pillar.LISTEN, 1, "sales", AS_OF.minusDays(3), null, MilestoneStatus.OFF_TRACK).view(),
                item(8, Pillar.LISTEN, 1, "sales", AS_OF.plusDays(2), null, MilestoneStatus.ON_TRACK).view(),
                item(9, Pillar.LISTEN, 1, "sales", AS_OF.plusDays(2), null, MilestoneStatus.NOT_STARTED).view());

        List<RiskLine> all = BoardPackContent.risks(views, NAMES, 10);
        assertEquals(List.of(4L, 6L, 5L, 7L), all.stream().map(RiskLine::milestoneId).toList());
        assertEquals("Customer Support", all.get(3).departmentName());
        assertEquals(List.of(4L, 6L), BoardPackContent.risks(views, NAMES, 2).stream().map(RiskLine::milestoneId).toList());
    }

    @Test
    void overdueListsOnlyOverdueLongestFirstWithDaysPastDue() {
        List<MilestoneStatusView> views = List.of(
                item(1, Pillar.LISTEN, 1, "support", LocalDate.of(2026, 6, 20), null, MilestoneStatus.OVERDUE).view(),
                item(2, Pillar.LISTEN, 1, "sales", LocalDate.of(2026, 5, 31), null, MilestoneStatus.OVERDUE).view(),
                item(3, Pillar.LISTEN, 1, "sales", LocalDate.of(2026, 5, 1), null, MilestoneStatus.MISSED).view());

        List<RiskLine> overdue = BoardPackContent.overdue(views, NAMES);

        assertEquals(List.of(2L, 1L), overdue.stream().map(RiskLine::milestoneId).toList());
        // 31 May → 30 June: 30 days; 20 June → 30 June: 10 days
        assertEquals("30 days past due (2026-05-31) and not done", overdue.get(0).reason());
        assertEquals("10 days past due (2026-06-20) and not done", overdue.get(1).reason());
    }

    @Test
    void reasonNamesTheOverrideAndTheCheckIn() {
        StatusOverride override = new StatusOverride(MilestoneStatus.BLOCKED, "vendor contract not signed", "exec-anna",
                Instant.parse("2026-06-01T10:00:00Z"));
        MilestoneStatusView overridden = new MilestoneStatusView(1, "M1", 1, Pillar.LISTEN, 1, "support",
                AS_OF.plusDays(5), AS_OF, MilestoneStatus.BLOCKED, MilestoneStatus.ON_TRACK, override, List.of(), List.of());
        assertEquals("Set to blocked by exec-anna: vendor contract not signed", BoardPackContent.reason(overridden));
        assertEquals("Last check-in: at risk", BoardPackContent.reason(
                item(2, Pillar.LISTEN, 1, "support", AS_OF.plusDays(5), null, MilestoneStatus.AT_RISK).view()));
    }

    @Test
    void numbersKeepAtMostOneDecimal() {
        assertEquals("42", BoardPackContent.number(42.04));
        assertEquals("42.1", BoardPackContent.number(42.06));
        assertEquals("-3.5", BoardPackContent.number(-3.5));
        assertEquals("\u2013", BoardPackContent.number(OptionalDouble.empty()));
    }

    @Test
    void sinceIsTheLastReviewElseAQuarterBefore() {
        assertEquals(LocalDate.of(2026, 3, 31), BoardPackContent.defaultSince(Optional.of(LocalDate.of(2026, 3, 31)), AS_OF));
        assertEquals(LocalDate.of(2026, 3, 30), BoardPackContent.defaultSince(Optional.empty(), AS_OF));
        // a pack of the same day is not a previous review
        assertEquals(LocalDate.of(2026, 3, 30), BoardPackContent.defaultSince(Optional.of(AS_OF), AS_OF));
    }

    /**
     * Two status changes (one by a lead at 10:00, one by the data, no actor), one target RAG change, one check-in:
     * counted per kind; the acts somebody made first, newest first, then those nobody made.
     */
    @Test
    void changesAreCountedPerKindAndTheLatestToldInWords() {
        StatusChange byLead = new StatusChange(5, "Survey live", Pillar.LISTEN, "support", MilestoneStatus.ON_TRACK,
                MilestoneStatus.AT_RISK, "lead-support", "vendor late", Instant.parse("2026-06-02T10:00:00Z"));
        StatusChange byData = new StatusChange(6, "Churn down", Pillar.MEASURE, "sales", null, MilestoneStatus.OFF_TRACK,
                null, "the forecast falls short", null);
        RagChange rag = new RagChange(3, "nps", null, Rag.GREEN, Rag.AMBER, "forecast 37 vs 40");
        CheckInMade checkIn = new CheckInMade(5, "Survey live", "support", CheckInStatus.AT_RISK, 40, "lead-support",
                "vendor late", Instant.parse("2026-06-02T10:00:00Z"));
        ProgramChanges changes = new ProgramChanges(1, "P", Instant.parse("2026-04-01T00:00:00Z"),
                Instant.parse("2026-06-30T23:59:59Z"), null, List.of(byData, byLead), List.of(), List.of(), List.of(rag),
                List.of(), List.of(), List.of(checkIn), List.of());

        Changes c = BoardPackContent.changes(LocalDate.of(2026, 4, 1), AS_OF, changes, NAMES);

        assertEquals(List.of("Milestones whose status changed=2", "Newly at risk=0", "Newly overdue=0",
                "Targets whose RAG changed=1", "Check-ins=1", "Overrides set or cleared=0"),
                c.counts().stream().map(k -> k.kind() + "=" + k.count()).toList());
        assertEquals(4, c.total());
        assertEquals(List.of("Survey live (Customer Support)", "Churn down (Sales)", "target nps"),
                c.latest().stream().map(BoardPack.Change::subject).toList());
        assertEquals("on track \u2192 at risk: vendor late", c.latest().get(0).detail());
        assertEquals("new \u2192 off track: the forecast falls short", c.latest().get(1).detail());
        assertEquals("(data)", c.latest().get(1).actor());
        assertEquals("green \u2192 amber: forecast 37 vs 40", c.latest().get(2).detail());
    }

    /** January: 8 of 10 and 2 of 30 satisfied merge to 10 of 40 = 25 (the mean of the days' 80 and 6.7 would be 43.3); February 9 of 10. */
    @Test
    void monthlyValuesMergeTheDaysStatistics() {
        List<SeriesPoint> daily = List.of(
                new SeriesPoint(LocalDate.of(2026, 1, 1), new CsatStatistics(8, 10)),
                new SeriesPoint(LocalDate.of(2026, 1, 20), new CsatStatistics(2, 30)),
                new SeriesPoint(LocalDate.of(2026, 2, 3), new CsatStatistics(9, 10)),
                new SeriesPoint(LocalDate.of(2026, 3, 3), CsatStatistics.empty()));

        List<BoardPack.TrendPoint> months = BoardPackContent.monthly(daily);

        assertEquals(List.of(new BoardPack.TrendPoint(LocalDate.of(2026, 1, 1), 25.0),
                new BoardPack.TrendPoint(LocalDate.of(2026, 2, 1), 90.0)), months);
    }
}
