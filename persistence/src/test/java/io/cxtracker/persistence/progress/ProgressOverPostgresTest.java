package io.cxtracker.persistence.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.IngestionReport;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.metric.NewReading;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.metric.SeriesBucketView;
import io.cxtracker.domain.metric.StatisticsInput;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.MilestoneView;
import io.cxtracker.domain.milestone.NewCheckIn;
import io.cxtracker.domain.milestone.NewMilestone;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.GroupProgress;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.ProgramProgress;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.targets.NewTarget;
import io.cxtracker.domain.targets.Rag;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.Services;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole slice against PostgreSQL, as the app runs it: a program admin sets up the plan, a survey
 * tool pushes CSAT readings (twice), leads check in and override, and the read model evaluates every
 * milestone from the series the database sums and rolls the program up. Today is 1 April 2026.
 */
@ExtendWith(PostgresExtension.class)
class ProgressOverPostgresTest {
    private static final Clock APRIL_1 = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);

    private <T> T as(TestDatabase db, CurrentUser user, Function<Services, T> work) {
        return db.inTransaction(em -> work.apply(Services.of(em, user, APRIL_1)));
    }

    @Test
    void theProgramRollsUpFromMilestonesProvenByLiveMetrics(TestDatabase db) {
        Department[] departments = db.inTransaction(em -> new Department[] {Fixtures.department(em, "support"),
                Fixtures.department(em, "billing")});
        String support = departments[0].code().value();
        String billing = departments[1].code().value();
        TestUser admin = TestUser.programAdmin();

        long programId = as(db, admin, s -> s.setup().createProgram(new NewProgram("CX 2026–2028", LocalDate.of(2026, 1, 1), null))).id();
        long measure = as(db, admin, s -> s.setup().createInitiative(new NewInitiative(programId, 1, Pillar.MEASURE,
                "Measure satisfaction after every contact", null, support, Map.of(billing, RaciRole.CONSULTED)))).id();
        long listen = as(db, admin, s -> s.setup().createInitiative(new NewInitiative(programId, 1, Pillar.LISTEN,
                "Hear what billing customers say", null, billing, null))).id();
        String csat = Fixtures.unique("csat");
        String nps = Fixtures.unique("nps");
        as(db, admin, s -> s.metricSetup().defineMetric(new NewMetric(csat, "CSAT", "%", MetricKind.CSAT,
                Direction.HIGHER_IS_BETTER, support, ReportingFrequency.DAILY)));
        as(db, admin, s -> s.metricSetup().defineMetric(new NewMetric(nps, "NPS", "points", MetricKind.NPS,
                Direction.HIGHER_IS_BETTER, support, ReportingFrequency.MONTHLY)));
        long csatTarget = as(db, admin, s -> s.targetSetup().setTarget(new NewTarget(csat, support, 70.0, 80.0,
                LocalDate.of(2026, 6, 30), null, null, 2.0, 30))).id();
        var npsTarget = as(db, admin, s -> s.targetSetup().setTarget(new NewTarget(nps, null, 10.0, 30.0, null, programId, 1,
                null, null)));
        assertEquals(LocalDate.of(2026, 12, 31), npsTarget.due());

        MilestoneView m1 = as(db, admin, s -> s.milestones().create(new NewMilestone(measure, "CSAT reaches 80", null,
                support, "alice", LocalDate.of(2026, 6, 30), null, null)));
        MilestoneView m2 = as(db, admin, s -> s.milestones().create(new NewMilestone(listen, "Complaint taxonomy", null,
                billing, "bob", LocalDate.of(2026, 3, 15), null, null)));
        MilestoneView m3 = as(db, admin, s -> s.milestones().create(new NewMilestone(listen, "Monthly voice-of-customer review",
                null, billing, "bob", LocalDate.of(2026, 9, 30), null, 2.0)));
        MilestoneView m4 = as(db, admin, s -> s.milestones().create(new NewMilestone(measure, "NPS programme live", null,
                support, "alice", LocalDate.of(2026, 12, 31), null, null)));
        as(db, admin, s -> s.milestones().linkTarget(m1.id(), m1.version(), csatTarget));
        MilestoneView m4Linked = as(db, admin, s -> s.milestones().linkTarget(m4.id(), m4.version(), npsTarget.id()));

        TestUser billingLead = TestUser.leadOf(new DepartmentCode(billing));
        TestUser supportLead = TestUser.leadOf(new DepartmentCode(support));
        as(db, billingLead, s -> s.milestones().checkIn(m3.id(), m3.version(),
                new NewCheckIn(CheckInStatus.IN_PROGRESS, 20, "first review held", List.of("https://wiki.example.com/voc-1"))));
        assertThrows(AccessDeniedException.class, () -> as(db, billingLead, s -> s.milestones().checkIn(m1.id(),
                m1.version() + 1, new NewCheckIn(CheckInStatus.DONE, 100, "not mine", null))));
        assertThrows(ConcurrentUpdateException.class, () -> as(db, admin, s -> s.milestones().overrideStatus(m4.id(),
                m4.version(), MilestoneStatus.ON_TRACK, "stale")));
        as(db, admin, s -> s.milestones().overrideStatus(m4.id(), m4Linked.version(), MilestoneStatus.ON_TRACK,
                "survey vendor signed; first wave in May").applied());

        // 30 days of CSAT for support, 82 satisfied of 100 answers a day; the survey tool resends the batch
        List<NewReading> batch = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 3, 2); !day.isAfter(LocalDate.of(2026, 3, 31)); day = day.plusDays(1)) {
            batch.add(new NewReading(csat, day, support, "phone", StatisticsInput.csat(82, 100), null, "csat-" + day));
        }
        IngestionReport first = as(db, TestUser.ingestClient(), s -> s.ingestion().ingest(batch));
        IngestionReport again = as(db, TestUser.ingestClient(), s -> s.ingestion().ingest(batch));
        assertEquals(30, first.accepted());
        assertEquals(30, again.duplicates());
        assertEquals(0, again.accepted());

        List<SeriesBucketView> monthly = as(db, admin, s -> s.series().series(csat, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), null, null, Granularity.MONTH));
        assertEquals(1, monthly.size());
        assertEquals(LocalDate.of(2026, 3, 1), monthly.get(0).start());
        assertEquals(82.0, monthly.get(0).value(), 1e-9);
        assertEquals(3000, monthly.get(0).count());

        MilestoneStatusView csatMilestone = as(db, admin, s -> s.progress().milestoneStatus(m1.id()));
        assertEquals(MilestoneStatus.ACHIEVED, csatMilestone.status());
        assertEquals(82.0, csatMilestone.targets().get(0).evaluation().current().getAsDouble(), 1e-9);
        assertEquals(Rag.GREEN, csatMilestone.targets().get(0).evaluation().rag());

        ProgramProgress progress = as(db, admin, s -> s.progress().programProgress(programId));

        RollUpResult program = progress.program();
        assertEquals(1, program.count(MilestoneStatus.ACHIEVED));
        assertEquals(1, program.count(MilestoneStatus.OVERDUE));
        assertEquals(1, program.count(MilestoneStatus.IN_PROGRESS));
        assertEquals(1, program.count(MilestoneStatus.ON_TRACK));
        assertEquals(5.0, program.totalWeight(), 1e-9);
        assertEquals(0.2, program.redShare(), 1e-9);
        assertEquals(Rag.AMBER, program.rag());

        assertEquals(List.of(Rag.AMBER, Rag.GREEN, Rag.NO_DATA), rags(progress.byPillar()));
        assertEquals(List.of("LISTEN", "MEASURE", "CHANGE"), progress.byPillar().stream().map(GroupProgress::key).toList());
        assertEquals(List.of(Rag.AMBER, Rag.NO_DATA, Rag.NO_DATA), rags(progress.byPhase()));
        assertEquals(List.of(billing, support), progress.byDepartment().stream().map(GroupProgress::key).toList());
        assertEquals(List.of(Rag.AMBER, Rag.GREEN), rags(progress.byDepartment()));
        assertEquals(List.of(String.valueOf(measure), String.valueOf(listen)),
                progress.byInitiative().stream().map(GroupProgress::key).toList());

        assertEquals(List.of(m2.id()), progress.attention().stream().map(MilestoneStatusView::milestoneId).toList());
        MilestoneStatusView overridden = as(db, admin, s -> s.progress().milestoneStatus(m4.id()));
        assertEquals(MilestoneStatus.ON_TRACK, overridden.status());
        assertEquals(MilestoneStatus.AT_RISK, overridden.derived());
        assertEquals(Rag.NO_DATA, overridden.targets().get(0).evaluation().rag());
    }

    private static List<Rag> rags(List<GroupProgress> groups) {
        return groups.stream().map(g -> g.rollUp().rag()).toList();
    }
}
