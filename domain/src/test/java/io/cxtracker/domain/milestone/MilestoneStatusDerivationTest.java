package io.cxtracker.domain.milestone;

import static io.cxtracker.domain.metric.Direction.HIGHER_IS_BETTER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.targets.Rag;
import io.cxtracker.domain.targets.RagEvaluation;
import io.cxtracker.domain.targets.TargetAttainment;
import io.cxtracker.domain.targets.TargetEvaluation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MilestoneStatusDerivationTest {
    private static final LocalDate DUE = LocalDate.of(2026, 12, 31);
    private static final LocalDate BEFORE_DUE = LocalDate.of(2026, 11, 15);
    private static final LocalDate AFTER_DUE = LocalDate.of(2027, 1, 1);

    private static final TargetEvaluation MET = evaluation(Rag.GREEN, true);
    private static final TargetEvaluation GREEN = evaluation(Rag.GREEN, false);
    private static final TargetEvaluation AMBER = evaluation(Rag.AMBER, false);
    private static final TargetEvaluation RED = evaluation(Rag.RED, false);
    private static final TargetEvaluation NO_DATA = evaluation(Rag.NO_DATA, false);

    private static TargetEvaluation evaluation(Rag rag, boolean met) {
        return new TargetEvaluation(rag, met, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                rag + (met ? ", met" : ""));
    }

    private static MilestoneStatus linked(LocalDate today, TargetEvaluation... targets) {
        return MilestoneStatusDerivation.derive(DUE, today, List.of(targets), Optional.empty());
    }

    private static MilestoneStatus unlinked(LocalDate today, CheckInStatus latest) {
        return MilestoneStatusDerivation.derive(DUE, today, List.of(), Optional.ofNullable(latest));
    }

    @Test
    void allLinkedTargetsMetIsAchievedBeforeOrAfterTheDueDate() {
        assertEquals(MilestoneStatus.ACHIEVED, linked(BEFORE_DUE, MET, MET));
        assertEquals(MilestoneStatus.ACHIEVED, linked(AFTER_DUE, MET, MET));
    }

    @Test
    void aLinkedMilestonePastItsDueDateWithATargetUnmetIsMissed() {
        assertEquals(MilestoneStatus.MISSED, linked(AFTER_DUE, MET, GREEN));
    }

    @Test
    void onTheDueDateItselfThereIsStillTime() {
        assertEquals(MilestoneStatus.ON_TRACK, linked(DUE, MET, GREEN));
    }

    @Test
    void beforeTheDueDateTheTargetsRagDecides() {
        assertEquals(MilestoneStatus.ON_TRACK, linked(BEFORE_DUE, MET, GREEN));
        assertEquals(MilestoneStatus.AT_RISK, linked(BEFORE_DUE, GREEN, AMBER));
        assertEquals(MilestoneStatus.OFF_TRACK, linked(BEFORE_DUE, AMBER, RED, GREEN));
    }

    @Test
    void aTargetWithoutDataPutsTheMilestoneAtRiskNeverOnTrack() {
        assertEquals(MilestoneStatus.AT_RISK, linked(BEFORE_DUE, GREEN, NO_DATA));
        assertEquals(MilestoneStatus.AT_RISK, linked(BEFORE_DUE, NO_DATA));
    }

    @Test
    void targetsAreJudgedAsTheyStoodOnTheDueDate() {
        // CSAT target 80 (baseline 70), due 2026-12-31, 7-day window. On the due date CSAT was 75 (3 of 4);
        // on 2027-01-01 it reaches 100 (4 of 4). Evaluated on 2027-01-05 the milestone is missed, not achieved.
        RagEvaluation csat = new RagEvaluation(new TargetAttainment(70, 80, HIGHER_IS_BETTER), DUE, 0, 7);
        List<SeriesPoint> series = List.of(
                new SeriesPoint(DUE, new CsatStatistics(3, 4)),
                new SeriesPoint(DUE.plusDays(1), new CsatStatistics(4, 4)));
        LocalDate today = LocalDate.of(2027, 1, 5);

        LocalDate asOf = MilestoneStatusDerivation.targetsEvaluatedAsOf(DUE, today);
        MilestoneStatus status =
                MilestoneStatusDerivation.derive(DUE, today, List.of(csat.evaluate(series, asOf)), Optional.empty());

        assertEquals(DUE, asOf);
        assertEquals(MilestoneStatus.MISSED, status);
        assertEquals(BEFORE_DUE, MilestoneStatusDerivation.targetsEvaluatedAsOf(DUE, BEFORE_DUE));
    }

    @Test
    void anUnlinkedMilestoneWithoutCheckInsHasNotStarted() {
        assertEquals(MilestoneStatus.NOT_STARTED, unlinked(BEFORE_DUE, null));
    }

    @Test
    void anUnlinkedMilestoneTakesItsLatestCheckIn() {
        assertEquals(MilestoneStatus.IN_PROGRESS, unlinked(BEFORE_DUE, CheckInStatus.IN_PROGRESS));
        assertEquals(MilestoneStatus.AT_RISK, unlinked(BEFORE_DUE, CheckInStatus.AT_RISK));
        assertEquals(MilestoneStatus.BLOCKED, unlinked(BEFORE_DUE, CheckInStatus.BLOCKED));
        assertEquals(MilestoneStatus.DONE, unlinked(BEFORE_DUE, CheckInStatus.DONE));
    }

    @Test
    void anUnlinkedMilestonePastDueAndNotDoneIsOverdue() {
        assertEquals(MilestoneStatus.OVERDUE, unlinked(AFTER_DUE, CheckInStatus.IN_PROGRESS));
        assertEquals(MilestoneStatus.OVERDUE, unlinked(AFTER_DUE, CheckInStatus.BLOCKED));
        assertEquals(MilestoneStatus.OVERDUE, unlinked(AFTER_DUE, null));
        assertEquals(MilestoneStatus.IN_PROGRESS, unlinked(DUE, CheckInStatus.IN_PROGRESS));
    }

    @Test
    void anUnlinkedMilestoneDoneLateIsStillDone() {
        assertEquals(MilestoneStatus.DONE, unlinked(AFTER_DUE, CheckInStatus.DONE));
    }
}
