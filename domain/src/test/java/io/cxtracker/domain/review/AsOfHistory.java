package io.cxtracker.domain.review;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.progress.TargetPlan;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.testing.InMemory;
import io.cxtracker.domain.testing.InMemoryPlanHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A hand-built history, all in April 2026, today being the 10th (noon UTC):
 * <ul>
 * <li>day 1, 09:00 — "Vendor chosen" (billing, due 30 June, no targets) and "CSAT reaches 80" (support, linked
 *     to a CSAT target 70 → 80 by 30 June, amber tolerance 2, 30-day window) are planned;</li>
 * <li>day 3, 09:00 — bob checks "Vendor chosen" in as IN_PROGRESS ("shortlist of two");</li>
 * <li>day 5, 09:00 — carol overrides it to BLOCKED ("both vendors withdrew");</li>
 * <li>day 6, 09:00 — the CSAT target is raised to 90;</li>
 * <li>day 10, 09:00 — a CSAT reading for day 2 arrives: 82 satisfied of 100.</li>
 * </ul>
 */
final class AsOfHistory {
    static final Clock APRIL_10 = Clock.fixed(Instant.parse("2026-04-10T12:00:00Z"), ZoneOffset.UTC);
    static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    final InMemory store = new InMemory();
    final InMemoryPlanHistory history = new InMemoryPlanHistory(store);
    final Program program;
    final Milestone vendor;
    final Milestone csat;
    final Target target;

    static Instant day(int day, int hour) {
        return LocalDate.of(2026, 4, day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    static LocalDate day(int day) {
        return LocalDate.of(2026, 4, day);
    }

    AsOfHistory() {
        Department support = store.department("support");
        Department billing = store.department("billing");
        program = Program.withDefaultPhases("CX 2026–2028", LocalDate.of(2026, 1, 1));
        store.programs.add(program);
        Initiative listen = new Initiative(program.phase(1).orElseThrow(), Pillar.LISTEN, "Listen", null, billing, Map.of());
        Initiative measure = new Initiative(program.phase(1).orElseThrow(), Pillar.MEASURE, "Measure", null, support, Map.of());
        store.initiatives.add(listen);
        store.initiatives.add(measure);
        Metric metric = new Metric(new MetricKey("csat"), "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support,
                ReportingFrequency.DAILY);
        store.metrics.add(metric);
        // the store holds what is true now (target at 90); the history holds each version with its instant
        target = new Target(metric, support, 70.0, 90.0, JUNE_30, 2.0, 30);
        store.targets.add(target);
        vendor = new Milestone(listen, "Vendor chosen", null, billing, "bob", JUNE_30, null, null);
        csat = new Milestone(measure, "CSAT reaches 80", null, support, "alice", JUNE_30, null, null);
        store.milestones.add(vendor);
        store.milestones.add(csat);
        csat.linkTarget(target);

        history.known(day(1, 9), plan(70.0, 80.0));
        history.known(day(1, 9), program.id(), MilestoneFacts.of(vendor));
        history.known(day(1, 9), program.id(), MilestoneFacts.of(csat));
        vendor.checkIn(CheckInStatus.IN_PROGRESS, 40, "shortlist of two", null, "bob", day(3, 9));
        history.known(day(3, 9), program.id(), MilestoneFacts.of(vendor));
        vendor.overrideStatus(MilestoneStatus.BLOCKED, "both vendors withdrew", "carol", day(5, 9));
        history.known(day(5, 9), program.id(), MilestoneFacts.of(vendor));
        history.known(day(6, 9), plan(70.0, 90.0));
        store.readingRows.add(new Reading(metric, day(2), support, null, new CsatStatistics(82, 100), "survey", "late",
                day(10, 9)));
    }

    private TargetPlan plan(double baseline, double targetValue) {
        return new TargetPlan(target.id(), baseline, targetValue, JUNE_30, 2.0, 30);
    }

    ProgressService progress(CurrentUser user) {
        return new ProgressService(store.progress, store.programs, store.milestones, store.targets, store.series,
                APRIL_10, store.approvals, user, history);
    }

    /** The acts of the history, as the review repository lists them. */
    List<CheckInMade> checkIns() {
        return List.of(new CheckInMade(vendor.id(), vendor.title(), "billing", CheckInStatus.IN_PROGRESS, 40, "bob",
                "shortlist of two", day(3, 9)));
    }

    List<OverrideMade> overrides() {
        return List.of(new OverrideMade(vendor.id(), vendor.title(), "billing", null, MilestoneStatus.BLOCKED,
                "both vendors withdrew", "carol", day(5, 9)));
    }
}
