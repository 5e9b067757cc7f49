package io.cxtracker.persistence.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.commitment.ClosedLoop;
import io.cxtracker.domain.commitment.CommitmentRevision;
import io.cxtracker.domain.commitment.CommitmentState;
import io.cxtracker.domain.commitment.CommitmentView;
import io.cxtracker.domain.commitment.MetricChange;
import io.cxtracker.domain.commitment.NewCommitment;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.feedback.NewFeedback;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.persistence.metric.JpaReadingRepository;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.ListenServices;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import io.cxtracker.persistence.support.TestUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The closed loop over PostgreSQL: customers complain about hold times (insight), support commits to a
 * callback (commitment) delivered by a milestone linked to an NPS target, and NPS is compared in the 30 days
 * before the promise and the latest 30 days.
 */
@ExtendWith(PostgresExtension.class)
class ClosedLoopOverPostgresTest {
    private static final Clock MAY_1 = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Clock JUNE_15 = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);

    private TestDatabase db;
    private Department support;
    private Department billing;
    private Metric nps;
    private Milestone milestone;
    private Target target;
    private String theme;

    @BeforeEach
    void story(TestDatabase db) {
        this.db = db;
        theme = Fixtures.unique("hold-times");
        db.run(em -> {
            support = Fixtures.department(em, "support");
            billing = Fixtures.department(em, "billing");
            nps = Fixtures.metric(em, MetricKind.NPS, Direction.HIGHER_IS_BETTER, support);
            Program program = Fixtures.program(em);
            Initiative initiative = Fixtures.initiative(em, program, 1, Pillar.CHANGE, support, Map.of());
            target = Fixtures.target(em, nps, support, 10, 30, LocalDate.of(2026, 12, 31), 5, 30);
            milestone = Fixtures.milestone(em, initiative, support, LocalDate.of(2026, 9, 30));
            milestone.linkTarget(target);
        });
        // April (before): support 40/30/30 → NPS 10 over 100; billing 10/0/10 → 0; after (May 17 – June 15): support
        // 90/60/50 → NPS 20 over 200; billing 5/0/15 → −50
        List<Reading> readings = new ArrayList<>();
        readings.add(reading(support, LocalDate.of(2026, 4, 10), new NpsStatistics(20, 10, 20), "a1"));
        readings.add(reading(support, LocalDate.of(2026, 4, 25), new NpsStatistics(20, 20, 10), "a2"));
        readings.add(reading(billing, LocalDate.of(2026, 4, 25), new NpsStatistics(10, 0, 10), "a3"));
        readings.add(reading(support, LocalDate.of(2026, 5, 5), new NpsStatistics(100, 0, 0), "ignored-between"));
        readings.add(reading(support, LocalDate.of(2026, 6, 1), new NpsStatistics(50, 30, 30), "b1"));
        readings.add(reading(support, LocalDate.of(2026, 6, 14), new NpsStatistics(40, 30, 20), "b2"));
        readings.add(reading(billing, LocalDate.of(2026, 6, 14), new NpsStatistics(5, 0, 15), "b3"));
        db.run(em -> new JpaReadingRepository(em).addAllIfAbsent(readings));
        db.inTransaction(em -> ListenServices.of(em, TestUser.ingestClient(), MAY_1).feedback().ingest(List.of(
                new NewFeedback("CALL", "Waited forever", -0.7, List.of(theme), support.code().value(),
                        Instant.parse("2026-04-20T09:00:00Z"), "calls", theme + "-1"),
                new NewFeedback("REVIEW", "On hold for 40 minutes", -0.9, List.of(theme), support.code().value(),
                        Instant.parse("2026-04-22T09:00:00Z"), "reviews", theme + "-2"))));
    }

    private Reading reading(Department department, LocalDate day, NpsStatistics statistics, String key) {
        return new Reading(nps, day, department, null, statistics, "qualtrics", key + "-" + theme, Instant.parse("2026-06-15T00:00:00Z"));
    }

    private <T> T as(CurrentUser user, Clock clock, Function<ListenServices, T> work) {
        return db.inTransaction(em -> work.apply(ListenServices.of(em, user, clock)));
    }

    private NewCommitment callback(String state) {
        return new NewCommitment(theme, "Offer a callback after five minutes on hold", null, support.code().value(),
                LocalDate.of(2026, 9, 30), List.of(milestone.id()), nps.key().value(), state, null);
    }

    @Test
    void theLoopReturnsInsightCommitmentMilestoneAndTheMetricBeforeAndAfter() {
        CommitmentView made = as(TestUser.leadOf(support.code()), MAY_1, s -> s.commitments().create(callback("COMMITTED")));
        assertEquals(LocalDate.of(2026, 5, 1), made.committedOn());

        ClosedLoop loop = as(TestUser.programAdmin(), JUNE_15, s -> s.loops().loop(made.id(), 30));

        assertEquals(theme, loop.insight().theme());
        assertEquals(2, loop.insight().volume());
        assertEquals(made.id(), loop.commitment().id());
        assertEquals(List.of(milestone.id()), loop.milestones().stream().map(ClosedLoop.Step::milestoneId).toList());
        assertEquals(1, loop.milestones().get(0).targets().size());
        // its target (NPS 10 → 30 by December) reads 20 now and is forecast to make it: on track
        assertEquals(MilestoneStatus.ON_TRACK, loop.milestones().get(0).status());
        assertEquals(LocalDate.of(2026, 5, 1), loop.pivot());

        MetricChange department = loop.metrics().get(0);
        assertEquals(support.code().value(), department.departmentCode());
        assertEquals(LocalDate.of(2026, 4, 1), department.before().range().from());
        assertEquals(LocalDate.of(2026, 4, 30), department.before().range().to());
        assertEquals(10.0, department.before().value(), 1e-9);
        assertEquals(100, department.before().count());
        assertEquals(LocalDate.of(2026, 5, 17), department.after().range().from());
        assertEquals(20.0, department.after().value(), 1e-9);
        assertEquals(10.0, department.change(), 1e-9);
        assertEquals(true, department.improved());

        // the whole company: before 50/30/40 of 120 → 8.33; after 95/60/65 of 220 → 13.64
        MetricChange company = loop.metrics().get(1);
        assertEquals(null, company.departmentCode());
        assertEquals(100.0 * 10 / 120, company.before().value(), 1e-9);
        assertEquals(100.0 * 30 / 220, company.after().value(), 1e-9);
        // the milestone's target is support's NPS again: listed once
        assertEquals(2, loop.metrics().size());
    }

    @Test
    void leadsWriteTheirOwnDepartmentsCommitmentsAndEveryChangeNamesItsVersion() {
        assertThrows(AccessDeniedException.class,
                () -> as(TestUser.leadOf(billing.code()), MAY_1, s -> s.commitments().create(callback(null))));
        CommitmentView made = as(TestUser.leadOf(support.code()), MAY_1, s -> s.commitments().create(callback(null)));
        assertEquals(CommitmentState.PROPOSED, made.state());

        CommitmentRevision start = new CommitmentRevision(theme, made.title(), null, support.code().value(), made.due(),
                made.milestoneIds(), made.metricKey(), "IN_PROGRESS", null);
        CommitmentView started = as(TestUser.leadOf(support.code()), JUNE_15,
                s -> s.commitments().update(made.id(), made.version(), start));
        assertEquals(LocalDate.of(2026, 6, 15), started.committedOn());
        assertEquals(made.version() + 1, started.version());

        assertThrows(ConcurrentUpdateException.class, () -> as(TestUser.leadOf(support.code()), JUNE_15,
                s -> s.commitments().update(made.id(), made.version(), start)));
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf(billing.code()), JUNE_15,
                s -> s.commitments().update(made.id(), started.version(), start)));
        // handing it over to billing needs write access to billing too
        CommitmentRevision handOver = new CommitmentRevision(theme, made.title(), null, billing.code().value(), made.due(),
                List.of(), null, null, null);
        assertThrows(AccessDeniedException.class, () -> as(TestUser.leadOf(support.code()), JUNE_15,
                s -> s.commitments().update(made.id(), started.version(), handOver)));
        assertEquals(billing.code().value(), as(TestUser.programAdmin(), JUNE_15,
                s -> s.commitments().update(made.id(), started.version(), handOver)).ownerDepartment());
    }

    @Test
    void aCommitmentAnswersAThemeCustomersMentioned() {
        var e = assertThrows(io.cxtracker.domain.shared.InvalidInputException.class, () -> as(TestUser.programAdmin(), MAY_1,
                s -> s.commitments().create(new NewCommitment("nobody-said-this", "x", null, support.code().value(),
                        LocalDate.of(2026, 9, 30), List.of(999_999L), "no-such-metric", "SOMEDAY", null))));
        assertEquals(List.of("theme", "milestoneIds[0]", "metricKey", "state"),
                e.violations().stream().map(io.cxtracker.domain.shared.FieldViolation::field).toList());
    }
}
