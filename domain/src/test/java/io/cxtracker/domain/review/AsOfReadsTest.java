package io.cxtracker.domain.review;

import static io.cxtracker.domain.review.AsOfHistory.APRIL_10;
import static io.cxtracker.domain.review.AsOfHistory.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MetricSeriesService;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.SeriesBucketView;
import io.cxtracker.domain.milestone.CheckInView;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.AsOfInitiativeService;
import io.cxtracker.domain.progress.AsOfTargetService;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.security.TestUsers;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.TargetStatus;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The accountability, roadmap and metrics reads as of a past instant, over the hand-built {@link AsOfHistory} plus
 * one CSAT reading for day 1 received that evening (35 satisfied of 50 answers, 70 %): the milestone lists, the
 * check-ins, the targets with their numbers of then and the metric series of the readings received by then.
 */
class AsOfReadsTest {
    private final AsOfHistory h = new AsOfHistory();
    private final CurrentUser exec = TestUsers.executive();

    AsOfReadsTest() {
        h.store.readingRows.add(new Reading(h.target.metric(), day(1), h.target.department(), null,
                new CsatStatistics(35, 50), "survey", "early", day(1, 18)));
    }

    private AsOfTargetService targets(CurrentUser user) {
        return new AsOfTargetService(h.store.targets, h.history, APRIL_10, user);
    }

    private MetricSeriesService series(CurrentUser user) {
        return new MetricSeriesService(h.store.metrics, h.store.departments, h.store.series, user, APRIL_10);
    }

    private MilestoneService milestones(CurrentUser user) {
        return new MilestoneService(h.store.milestones, h.store.initiatives, h.store.departments, h.store.targets, user,
                APRIL_10, new InMemoryAuditTrail().recorder(user), h.store.approvals);
    }

    @Test
    void theDepartmentsMilestoneListShowsTheCheckInOfDayThreeAsOfDayFourAndTheOverrideFromDayFive() {
        MilestoneFilter billing = MilestoneFilter.ofDepartment(new DepartmentCode("billing"), null);
        PageRequest page = new PageRequest(0, 50, "due", true);
        List<MilestoneStatusView> dayFour = h.progress(exec).milestones(billing, page, AsOf.endOf(day(4))).items();
        List<MilestoneStatusView> dayFive = h.progress(exec).milestones(billing, page, AsOf.endOf(day(5))).items();
        assertEquals(List.of(h.vendor.id()), dayFour.stream().map(MilestoneStatusView::milestoneId).toList());
        assertEquals(MilestoneStatus.IN_PROGRESS, dayFour.getFirst().status());
        assertEquals(MilestoneStatus.BLOCKED, dayFive.getFirst().status());
        assertEquals("both vendors withdrew", dayFive.getFirst().override().reason());
    }

    @Test
    void checkInsAsOfADayAreThoseMadeByItsEnd() {
        assertEquals(List.of(), milestones(exec).checkIns(h.vendor.id(), AsOf.endOf(day(2))));
        List<CheckInView> dayFour = milestones(exec).checkIns(h.vendor.id(), AsOf.endOf(day(4)));
        assertEquals(1, dayFour.size());
        assertEquals("shortlist of two", dayFour.getFirst().comment());
        assertEquals(List.of(), milestones(exec).checkIns(h.vendor.id(), new AsOf(day(3, 9).minusNanos(1000))));
    }

    @Test
    void aTargetRaisedOnDaySixShowsItsOldNumbersAsOfDayFiveAndDidNotExistBeforeItWasSet() {
        TargetStatus dayFive = targets(exec).status(h.target.id(), AsOf.endOf(day(5)));
        assertEquals(80.0, dayFive.target().targetValue());
        assertEquals(70.0, dayFive.target().baseline());
        assertEquals(day(5), dayFive.asOf());
        assertEquals(90.0, targets(exec).status(h.target.id(), AsOf.endOf(day(6))).target().targetValue());
        assertThrows(NotFoundException.class,
                () -> targets(exec).status(h.target.id(), new AsOf(Instant.parse("2026-03-31T00:00:00Z"))));
    }

    @Test
    void aTargetsCurrentValueCountsOnlyTheReadingsReceivedByThen() {
        // day 9: only day 1's 35 of 50 was received, 70 %; day 10: day 2's 82 of 100 too, 117 of 150 = 78 %
        TargetStatus dayNine = targets(exec).ofDepartment("support", AsOf.endOf(day(9))).getFirst();
        TargetStatus dayTen = targets(exec).ofDepartment("support", AsOf.endOf(day(10))).getFirst();
        assertEquals(70.0, dayNine.evaluation().current().getAsDouble(), 1e-9);
        assertEquals(78.0, dayTen.evaluation().current().getAsDouble(), 1e-9);
    }

    @Test
    void aMetricsTargetsAreChosenByScopeAsOfThen() {
        AsOf dayFive = AsOf.endOf(day(5));
        assertEquals(List.of(h.target.id()), ids(targets(exec).ofMetric("csat", "support", dayFive)));
        assertEquals(List.of(), ids(targets(exec).ofMetric("csat", null, dayFive)));
        assertEquals(List.of(h.target.id()), ids(targets(exec).ofMetricInEveryScope("csat", dayFive)));
        assertEquals(List.of(), ids(targets(exec).ofMetricInEveryScope("not a key", dayFive)));
        assertEquals(List.of(), ids(targets(exec).ofMetric("csat", "support", new AsOf(Instant.parse("2026-03-31T00:00:00Z")))));
    }

    @Test
    void theListOfTargetsAsOfADayPagesTheTargetsSetByThenWithTheirNumbersAndVerdictOfThen() {
        PageRequest page = new PageRequest(0, 50, null, true);
        Page<TargetStatus> dayFive = targets(exec).list("csat", null, page, AsOf.endOf(day(5)));
        assertEquals(1, dayFive.total());
        assertEquals(80.0, dayFive.items().getFirst().target().targetValue());
        assertEquals(day(5), dayFive.items().getFirst().asOf());
        assertEquals(90.0, targets(exec).list(null, "support", page, AsOf.endOf(day(6))).items().getFirst().target().targetValue());
        assertEquals(0, targets(exec).list(null, null, page, new AsOf(Instant.parse("2026-03-31T00:00:00Z"))).total());
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> targets(exec).list("Not a key",
                null, new PageRequest(0, 50, "colour", true), AsOf.endOf(day(11))));
        assertEquals(List.of("metric", "sort", "asOf"), refused.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void anInitiativeAsOfADayHasTheTitleAndRaciOfThen() {
        InitiativeSummary before = new InitiativeSummary(7, 1, 1, "Foundation", Pillar.MEASURE, "Measure", null, "billing",
                Map.of("billing", RaciRole.ACCOUNTABLE, "support", RaciRole.RESPONSIBLE), 0);
        InitiativeSummary after = new InitiativeSummary(7, 1, 1, "Foundation", Pillar.MEASURE, "Listen", null, "support",
                Map.of("support", RaciRole.ACCOUNTABLE), 2);
        h.history.known(day(1, 9), before);
        h.history.known(day(5, 9), after);
        AsOfInitiativeService initiatives = new AsOfInitiativeService(h.history, APRIL_10, exec);
        assertEquals("Measure", initiatives.initiative(7, AsOf.endOf(day(4))).title());
        assertEquals("Listen", initiatives.initiative(7, AsOf.endOf(day(5))).title());
        assertThrows(NotFoundException.class, () -> initiatives.initiative(7, new AsOf(Instant.parse("2026-03-31T00:00:00Z"))));
        InitiativeFilter billing = new InitiativeFilter(null, new DepartmentCode("billing"), null, null);
        PageRequest page = new PageRequest(0, 50, null, true);
        assertEquals(1, initiatives.initiatives(billing, page, AsOf.endOf(day(4))).total());
        assertEquals(0, initiatives.initiatives(billing, page, AsOf.endOf(day(5))).total());
        assertThrows(InvalidInputException.class, () -> initiatives.initiative(7, AsOf.endOf(day(11))));
        assertThrows(AccessDeniedException.class, () -> new AsOfInitiativeService(h.history, APRIL_10,
                TestUsers.of("robot", Set.of(Role.METRICS_INGEST))).initiative(7, AsOf.endOf(day(4))));
    }

    @Test
    void aSeriesAsOfADayHoldsOnlyTheReadingsReceivedByItsEnd() {
        List<SeriesBucketView> dayNine = series(exec).series("csat", day(1), day(9), "support", null, Granularity.DAY,
                AsOf.endOf(day(9)));
        List<SeriesBucketView> dayTen = series(exec).series("csat", day(1), day(9), "support", null, Granularity.DAY,
                AsOf.endOf(day(10)));
        assertEquals(List.of(day(1)), dayNine.stream().map(SeriesBucketView::start).toList());
        assertEquals(70.0, dayNine.getFirst().value(), 1e-9);
        assertEquals(List.of(day(1), day(2)), dayTen.stream().map(SeriesBucketView::start).toList());
        assertEquals(82.0, dayTen.get(1).value(), 1e-9);
        // a month merges the statistics received by then: 70 % on day 9, (35 + 82) / (50 + 100) = 78 % on day 10
        assertEquals(70.0, series(exec).series("csat", day(1), day(9), null, null, Granularity.MONTH, AsOf.endOf(day(9)))
                .getFirst().value(), 1e-9);
        assertEquals(78.0, series(exec).series("csat", day(1), day(9), null, null, Granularity.MONTH, AsOf.endOf(day(10)))
                .getFirst().value(), 1e-9);
        // without an as-of, everything received counts
        assertEquals(2, series(exec).series("csat", day(1), day(9), "support", null, Granularity.DAY).size());
    }

    @Test
    void everyReadAsOfADayToComeIsRefusedNamingAsOf() {
        AsOf tomorrow = AsOf.endOf(day(11));
        for (Executable read : List.<Executable>of(
                () -> targets(exec).status(h.target.id(), tomorrow),
                () -> targets(exec).ofMetric("csat", null, tomorrow),
                () -> targets(exec).ofDepartment("support", tomorrow),
                () -> series(exec).series("csat", day(1), day(9), null, null, Granularity.DAY, tomorrow),
                () -> milestones(exec).checkIns(h.vendor.id(), tomorrow),
                () -> h.progress(exec).milestones(MilestoneFilter.ofDepartment(new DepartmentCode("billing"), null),
                        new PageRequest(0, 50, "due", true), tomorrow))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, read);
            assertEquals("asOf", refused.violations().getFirst().field());
        }
        // the end of today is not to come: it is now's day
        assertEquals(1, targets(exec).ofDepartment("support", AsOf.endOf(day(10))).size());
    }

    @Test
    void callersWithoutAProgramRoleReadNothingAsOfThePast() {
        CurrentUser robot = TestUsers.of("robot", Set.of(Role.METRICS_INGEST));
        assertThrows(AccessDeniedException.class, () -> targets(robot).ofDepartment("support", AsOf.endOf(day(4))));
        assertThrows(AccessDeniedException.class, () -> milestones(robot).checkIns(h.vendor.id(), AsOf.endOf(day(4))));
    }

    private static List<Long> ids(List<TargetStatus> statuses) {
        return statuses.stream().map(s -> s.target().id()).toList();
    }
}
