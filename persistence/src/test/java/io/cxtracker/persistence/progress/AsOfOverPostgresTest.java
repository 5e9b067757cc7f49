package io.cxtracker.persistence.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.audit.RequestCorrelation;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricRepository;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.metric.NewReading;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.StatisticsInput;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.MilestoneView;
import io.cxtracker.domain.milestone.NewCheckIn;
import io.cxtracker.domain.milestone.NewMilestone;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.review.ProgramChanges;
import io.cxtracker.domain.review.ReviewService;
import io.cxtracker.domain.review.StatusChange;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.targets.NewTarget;
import io.cxtracker.domain.targets.TargetRevision;
import io.cxtracker.persistence.metric.JpaMetricRepository;
import io.cxtracker.persistence.program.JpaProgramRepository;
import io.cxtracker.persistence.review.JdbcReviewRepository;
import io.cxtracker.persistence.support.EntityManagerAuditTrail;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.Services;
import io.cxtracker.persistence.support.TestDatabase;
import io.cxtracker.persistence.support.TestUser;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads as of a past instant against PostgreSQL, over the history the V15 triggers append: a hand-built
 * history (check-in, then override, then a target edit, then a reading for an earlier day, then a merge into
 * that reading), each instant between two steps read back exactly as it was. The history's instants are the
 * database's, so this test runs on the real clock and takes the instants between its transactions.
 */
@ExtendWith(PostgresExtension.class)
class AsOfOverPostgresTest {
    private static final Clock NOW = Clock.systemUTC();

    private <T> T as(TestDatabase db, CurrentUser user, Function<Services, T> work) {
        return db.inTransaction(em -> work.apply(Services.of(em, user, NOW)));
    }

    private static Instant between() throws InterruptedException {
        Thread.sleep(5);
        Instant instant = Instant.now();
        Thread.sleep(5);
        return instant;
    }

    @Test
    void everyInstantBetweenTwoChangesReadsBackAsItWas(TestDatabase db) throws Exception {
        Department support = db.inTransaction(em -> Fixtures.department(em, "support"));
        String code = support.code().value();
        TestUser admin = TestUser.programAdmin();
        TestUser lead = TestUser.leadOf(new DepartmentCode(code));
        LocalDate today = LocalDate.now(NOW);

        long programId = as(db, admin, s -> s.setup().createProgram(new NewProgram("As-of", LocalDate.of(2026, 1, 1), null))).id();
        long initiative = as(db, admin, s -> s.setup().createInitiative(new NewInitiative(programId, 1, Pillar.MEASURE,
                "Measure after every contact", null, code, null))).id();
        String csat = Fixtures.unique("csat");
        as(db, admin, s -> s.metricSetup().defineMetric(new NewMetric(csat, "CSAT", "%", MetricKind.CSAT,
                Direction.HIGHER_IS_BETTER, code, ReportingFrequency.DAILY)));
        var target = as(db, admin, s -> s.targetSetup().setTarget(new NewTarget(csat, code, 70.0, 80.0,
                today.plusYears(1), null, null, null, 30)));
        MilestoneView planned = as(db, admin, s -> s.milestones().create(new NewMilestone(initiative, "Survey live", null,
                code, "alice", today.plusMonths(6), null, null)));
        as(db, admin, s -> s.milestones().linkTarget(planned.id(), planned.version(), target.id()));
        MilestoneView manual = as(db, admin, s -> s.milestones().create(new NewMilestone(initiative, "Vendor chosen", null,
                code, "alice", today.plusMonths(3), null, null)));

        Instant planOnly = between();
        MilestoneView checkedIn = as(db, lead, s -> s.milestones().checkIn(manual.id(), manual.version(),
                new NewCheckIn(CheckInStatus.IN_PROGRESS, 40, "shortlist of two", null)));
        Instant afterCheckIn = between();
        as(db, admin, s -> s.milestones().overrideStatus(manual.id(), checkedIn.version(), MilestoneStatus.BLOCKED,
                "both vendors withdrew"));
        Instant afterOverride = between();
        as(db, admin, s -> s.targetSetup().reviseTarget(target.id(), target.version(),
                new TargetRevision(70.0, 90.0, today.plusYears(1), null, 30)));
        Instant afterTargetEdit = between();
        LocalDate earlierDay = today.minusDays(8);
        as(db, TestUser.ingestClient(), s -> s.ingestion().ingest(List.of(new NewReading(csat, earlierDay, code, "phone",
                StatisticsInput.csat(82, 100), null, "as-of-1"))));
        Instant afterReading = between();
        // what a re-sent survey batch does to the day's reading (ON CONFLICT DO UPDATE), as the runtime role
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE reading SET satisfied = satisfied + 9, responses = responses + 10"
                    + " WHERE idempotency_key = 'as-of-1' AND source IS NOT NULL");
        }
        Instant afterMerge = between();

        // the milestone: nothing, then the check-in, then the override over it
        MilestoneFacts before = facts(db, programId, planOnly, manual.id());
        assertNull(before.reportedStatus());
        assertNull(before.override());
        MilestoneFacts third = facts(db, programId, afterCheckIn, manual.id());
        assertEquals(CheckInStatus.IN_PROGRESS, third.reportedStatus());
        assertNull(third.override());
        MilestoneFacts fifth = facts(db, programId, afterOverride, manual.id());
        assertEquals(MilestoneStatus.BLOCKED, fifth.override().status());
        assertEquals("both vendors withdrew", fifth.override().reason());

        assertEquals(MilestoneStatus.NOT_STARTED, status(db, admin, programId, planOnly, manual.id()));
        assertEquals(MilestoneStatus.IN_PROGRESS, status(db, admin, programId, afterCheckIn, manual.id()));
        assertEquals(MilestoneStatus.BLOCKED, status(db, admin, programId, afterOverride, manual.id()));
        assertEquals(List.of(target.id()), facts(db, programId, planOnly, planned.id()).targetIds());

        // the target's numbers before and after the edit
        assertEquals(80.0, db.inTransaction(em -> new SqlPlanHistory(em).targets(List.of(target.id()), afterOverride))
                .get(target.id()).targetValue());
        assertEquals(90.0, db.inTransaction(em -> new SqlPlanHistory(em).targets(List.of(target.id()), afterTargetEdit))
                .get(target.id()).targetValue());
        assertTrue(db.inTransaction(em -> new SqlPlanHistory(em).targets(List.of(target.id()), Instant.EPOCH)).isEmpty());

        // the reading for an earlier day: absent before it was received, then as received, then merged
        assertEquals(List.of(), series(db, csat, support, earlierDay, afterTargetEdit));
        assertEquals(List.of(new CsatStatistics(82, 100)), series(db, csat, support, earlierDay, afterReading));
        assertEquals(List.of(new CsatStatistics(91, 110)), series(db, csat, support, earlierDay, afterMerge));
        // … and so in the metric's series by period, of every channel or of the reading's own (the raw readings)
        for (String channel : new String[] {null, "phone"}) {
            assertEquals(List.of(), buckets(db, admin, csat, code, channel, earlierDay, afterTargetEdit));
            assertEquals(List.of(new CsatStatistics(82, 100)), buckets(db, admin, csat, code, channel, earlierDay, afterReading));
            assertEquals(List.of(new CsatStatistics(91, 110)), buckets(db, admin, csat, code, channel, earlierDay, afterMerge));
        }
        assertEquals(List.of(), buckets(db, admin, csat, code, "email", earlierDay, afterMerge));

        // what changed from the plan alone to the end: the override explains the manual milestone's change
        ProgramChanges changes = db.inTransaction(em -> {
            Services s = Services.of(em, admin, NOW);
            ReviewService review = new ReviewService(s.progress(), new JdbcReviewRepository(em),
                    new JpaProgramRepository(em), new AuditRecorder(new EntityManagerAuditTrail(em), admin,
                    new RequestCorrelation()), NOW, admin);
            return review.changes(programId, planOnly, afterMerge);
        });
        StatusChange change = changes.statusChanges().stream().filter(c -> c.milestoneId() == manual.id()).findFirst()
                .orElseThrow();
        assertEquals(MilestoneStatus.NOT_STARTED, change.from());
        assertEquals(MilestoneStatus.BLOCKED, change.to());
        assertEquals("both vendors withdrew", change.why());
        assertEquals(admin.name(), change.by());
        assertEquals(1, changes.checkIns().size());
        assertEquals("shortlist of two", changes.checkIns().get(0).comment());
        assertEquals(1, changes.overrides().size());
        assertEquals(MilestoneStatus.BLOCKED, changes.overrides().get(0).status());
        assertNull(changes.overrides().get(0).previous());
    }

    private static MilestoneFacts facts(TestDatabase db, long programId, Instant at, long milestoneId) {
        return db.inTransaction(em -> new SqlPlanHistory(em).milestonesOfProgram(programId, at)).stream()
                .filter(f -> f.id() == milestoneId).findFirst().orElseThrow();
    }

    private MilestoneStatus status(TestDatabase db, CurrentUser user, long programId, Instant at, long milestoneId) {
        return as(db, user, s -> s.progress().milestonesOfProgram(programId, new AsOf(at))).stream()
                .filter(v -> v.milestoneId() == milestoneId).map(MilestoneStatusView::status).findFirst().orElseThrow();
    }

    /** The month of {@code day} in the metric's series as known at the instant, as the API and the views read it. */
    private List<Object> buckets(TestDatabase db, CurrentUser user, String metricKey, String department, String channel,
            LocalDate day, Instant at) {
        return as(db, user, s -> s.series().series(metricKey, day.withDayOfMonth(1), day, department, channel,
                Granularity.MONTH, new AsOf(at))).stream().map(b -> (Object) b.statistics()).toList();
    }

    private static List<Object> series(TestDatabase db, String metricKey, Department department, LocalDate day, Instant at) {
        return db.inTransaction(em -> {
            MetricRepository metrics = new JpaMetricRepository(em);
            SeriesScope scope = new SeriesScope(metrics.findByKey(new io.cxtracker.domain.metric.MetricKey(metricKey))
                    .orElseThrow(), em.find(Department.class, department.id()), new DateRange(day, day));
            Map<SeriesScope, List<SeriesPoint>> daily = new SqlPlanHistory(em).daily(List.of(scope), at);
            return daily.get(scope).stream().map(p -> (Object) p.statistics()).toList();
        });
    }
}
