package io.cxtracker.persistence.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.NewDepartment;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.metric.NewReading;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.metric.StatisticsInput;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.MilestoneView;
import io.cxtracker.domain.milestone.NewCheckIn;
import io.cxtracker.domain.milestone.NewMilestone;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.report.MilestoneLine;
import io.cxtracker.domain.report.ReportDepartment;
import io.cxtracker.domain.report.ReportPeriod;
import io.cxtracker.domain.report.TargetLine;
import io.cxtracker.domain.report.Timeliness;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.targets.NewTarget;
import io.cxtracker.persistence.audit.ThreadTransactions;
import io.cxtracker.persistence.metric.JpaMetricSeriesRepository;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.Services;
import io.cxtracker.persistence.support.TestDatabase;
import io.cxtracker.persistence.support.TestUser;
import io.cxtracker.persistence.targets.JpaTargetRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The milestones and targets sections of the accountability report against PostgreSQL, for the second
 * quarter of 2026 judged on 30 June: which milestones belong to the period, their done day and
 * timeliness, status as it stood then (check-ins and overrides after the as-of day do not count),
 * overrides with reasons, evidence; targets with baseline, target, actual and RAG.
 */
@ExtendWith(PostgresExtension.class)
class ReportSectionsTest {
    private static final ReportPeriod Q2 = new ReportPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30),
            LocalDate.of(2026, 6, 30));

    private static <T> T at(TestDatabase db, String instant, CurrentUser user, Function<Services, T> work) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        return db.inTransaction(em -> work.apply(Services.of(em, user, clock)));
    }

    private static MilestoneView checkIn(TestDatabase db, String instant, CurrentUser lead, MilestoneView m, CheckInStatus status,
            int progress, List<String> evidence) {
        return at(db, instant, lead, s -> s.milestones().checkIn(m.id(), s.milestones().get(m.id()).version(),
                new NewCheckIn(status, progress, null, evidence)));
    }

    @Test
    void milestonesAndTargetsOfADepartmentAsTheyStoodAtTheEndOfThePeriod(TestDatabase db) {
        TestUser admin = TestUser.programAdmin();
        String support = Fixtures.unique("support");
        String billing = Fixtures.unique("billing");
        String now = "2026-01-02T09:00:00Z";
        at(db, now, admin, s -> s.departments().register(new NewDepartment(support, "Customer Support", null)));
        at(db, now, admin, s -> s.departments().register(new NewDepartment(billing, "Billing", null)));
        long program = at(db, now, admin, s -> s.setup().createProgram(new NewProgram("CX", LocalDate.of(2026, 1, 1), null))).id();
        long initiative = at(db, now, admin, s -> s.setup().createInitiative(new NewInitiative(program, 1, Pillar.MEASURE,
                "Measure every contact", null, support, Map.of()))).id();
        String csat = Fixtures.unique("csat");
        String nps = Fixtures.unique("nps");
        at(db, now, admin, s -> s.metricSetup().defineMetric(new NewMetric(csat, "CSAT", "%", MetricKind.CSAT,
                Direction.HIGHER_IS_BETTER, support, ReportingFrequency.DAILY)));
        at(db, now, admin, s -> s.metricSetup().defineMetric(new NewMetric(nps, "NPS", "points", MetricKind.NPS,
                Direction.HIGHER_IS_BETTER, support, ReportingFrequency.MONTHLY)));
        long csatTarget = at(db, now, admin, s -> s.targetSetup().setTarget(new NewTarget(csat, support, 70.0, 80.0,
                LocalDate.of(2026, 6, 30), null, null, 2.0, 30))).id();
        long pastTarget = at(db, now, admin, s -> s.targetSetup().setTarget(new NewTarget(csat, support, 60.0, 65.0,
                LocalDate.of(2026, 3, 31), null, null, null, null))).id();
        long npsTarget = at(db, now, admin, s -> s.targetSetup().setTarget(new NewTarget(nps, support, 10.0, 30.0,
                LocalDate.of(2026, 12, 31), null, null, null, null))).id();
        long companyTarget = at(db, now, admin, s -> s.targetSetup().setTarget(new NewTarget(nps, null, 5.0, 25.0,
                LocalDate.of(2026, 12, 31), null, null, null, null))).id();

        Function<Object[], MilestoneView> milestone = a -> at(db, now, admin, s -> s.milestones().create(new NewMilestone(
                initiative, (String) a[0], null, (String) a[1], "alice", (LocalDate) a[2], (List<String>) a[3], null)));
        MilestoneView onTime = milestone.apply(new Object[] {"on time", support, LocalDate.of(2026, 5, 31),
                List.of("https://wiki.example.com/plan")});
        MilestoneView late = milestone.apply(new Object[] {"late", support, LocalDate.of(2026, 4, 15), null});
        MilestoneView overdue = milestone.apply(new Object[] {"overdue since March", support, LocalDate.of(2026, 3, 15), null});
        MilestoneView doneBefore = milestone.apply(new Object[] {"done in February", support, LocalDate.of(2026, 3, 1), null});
        MilestoneView future = milestone.apply(new Object[] {"not due yet", support, LocalDate.of(2026, 9, 30), null});
        MilestoneView early = milestone.apply(new Object[] {"done early", support, LocalDate.of(2026, 9, 30), null});
        MilestoneView overridden = milestone.apply(new Object[] {"overridden", support, LocalDate.of(2026, 6, 15), null});
        MilestoneView measured = milestone.apply(new Object[] {"CSAT reaches 80", support, LocalDate.of(2026, 6, 30), null});
        MilestoneView doneAfter = milestone.apply(new Object[] {"done in July", support, LocalDate.of(2026, 6, 20), null});
        milestone.apply(new Object[] {"billing's", billing, LocalDate.of(2026, 5, 1), null});

        TestUser lead = TestUser.leadOf(new DepartmentCode(support));
        checkIn(db, "2026-02-27T10:00:00Z", lead, doneBefore, CheckInStatus.DONE, 100, null);
        checkIn(db, "2026-04-10T10:00:00Z", lead, late, CheckInStatus.IN_PROGRESS, 50, null);
        checkIn(db, "2026-05-02T10:00:00Z", lead, late, CheckInStatus.DONE, 100, null);
        checkIn(db, "2026-05-20T10:00:00Z", lead, onTime, CheckInStatus.DONE, 100, List.of("https://bi.example.com/proof"));
        checkIn(db, "2026-06-10T10:00:00Z", lead, early, CheckInStatus.DONE, 100, null);
        at(db, "2026-06-01T08:00:00Z", TestUser.programAdmin(), s -> s.milestones().overrideStatus(overridden.id(),
                overridden.version(), MilestoneStatus.AT_RISK, "vendor is three weeks late").applied());
        at(db, now, lead, s -> s.milestones().linkTarget(measured.id(), measured.version(), csatTarget));
        checkIn(db, "2026-07-05T10:00:00Z", lead, doneAfter, CheckInStatus.DONE, 100, null);
        // June: 82 of 100 satisfied every day, for support
        List<NewReading> june = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 6, 1); !day.isAfter(LocalDate.of(2026, 6, 30)); day = day.plusDays(1)) {
            june.add(new NewReading(csat, day, support, "chat", StatisticsInput.csat(82, 100), null, csat + "-" + day));
        }
        at(db, "2026-07-01T06:00:00Z", TestUser.ingestClient(), s -> s.ingestion().ingest(june));

        ThreadTransactions reads = new ThreadTransactions(db);
        ReportDepartment supportGroup = new ReportDepartment(support, "Customer Support");
        List<MilestoneLine> milestones = new ArrayList<>();
        List<TargetLine> targets = new ArrayList<>();
        List<TargetLine> companyWide = new ArrayList<>();
        List<MilestoneLine> programWideMilestones = new ArrayList<>();
        db.run(em -> {
            Services services = Services.of(em, TestUser.programAdmin(), Clock.systemUTC());
            SqlMilestoneSection milestoneSection = new SqlMilestoneSection(reads, services.progress());
            SqlTargetSection targetSection = new SqlTargetSection(reads, new JpaTargetRepository(em), new JpaMetricSeriesRepository(em));
            milestoneSection.milestones(supportGroup, Q2, milestones::add);
            milestoneSection.milestones(ReportDepartment.PROGRAM_WIDE, Q2, programWideMilestones::add);
            targetSection.targets(supportGroup, Q2, targets::add);
            targetSection.targets(ReportDepartment.PROGRAM_WIDE, Q2, companyWide::add);
        });

        assertEquals(List.of("overdue since March", "late", "on time", "overridden", "done in July", "CSAT reaches 80",
                "done early"), milestones.stream().map(MilestoneLine::title).toList(), "by due date; those not due, "
                + "done before the period or of another department left out");
        Map<String, MilestoneLine> byTitle = milestones.stream().collect(Collectors.toMap(MilestoneLine::title, l -> l));

        MilestoneLine lineOnTime = byTitle.get("on time");
        assertEquals(LocalDate.of(2026, 5, 20), lineOnTime.done());
        assertEquals(Timeliness.ON_TIME, lineOnTime.timeliness());
        assertEquals("DONE", lineOnTime.status());
        assertEquals("alice", lineOnTime.ownerPerson());
        assertEquals(support, lineOnTime.ownerDepartment());
        assertEquals("Measure every contact", lineOnTime.initiative());
        assertEquals(List.of("https://wiki.example.com/plan", "https://bi.example.com/proof"), lineOnTime.evidence());

        assertEquals(LocalDate.of(2026, 5, 2), byTitle.get("late").done());
        assertEquals(Timeliness.LATE, byTitle.get("late").timeliness());

        assertNull(byTitle.get("overdue since March").done());
        assertEquals(Timeliness.OVERDUE, byTitle.get("overdue since March").timeliness());
        assertEquals("OVERDUE", byTitle.get("overdue since March").status());

        MilestoneLine lineOverridden = byTitle.get("overridden");
        assertEquals("AT_RISK", lineOverridden.status());
        assertEquals(TestUser.programAdmin().name(), lineOverridden.overriddenBy());
        assertEquals("vendor is three weeks late", lineOverridden.overrideReason());
        assertEquals(Timeliness.OVERDUE, lineOverridden.timeliness());

        MilestoneLine lineDoneAfter = byTitle.get("done in July");
        assertNull(lineDoneAfter.done(), "its DONE check-in came after the as-of day");
        assertEquals("OVERDUE", lineDoneAfter.status());
        assertEquals(Timeliness.OVERDUE, lineDoneAfter.timeliness());

        MilestoneLine lineMeasured = byTitle.get("CSAT reaches 80");
        assertEquals("ACHIEVED", lineMeasured.status(), "82 % over the 30 days to 30 June meets 80 %");
        assertEquals(LocalDate.of(2026, 6, 30), lineMeasured.done());
        assertEquals(Timeliness.ON_TIME, lineMeasured.timeliness());

        assertEquals(LocalDate.of(2026, 6, 10), byTitle.get("done early").done());
        assertEquals(Timeliness.ON_TIME, byTitle.get("done early").timeliness());
        assertEquals(List.of(), programWideMilestones);

        assertEquals(List.of(csatTarget, npsTarget), targets.stream().map(TargetLine::id).toList(),
                "due in the period or later, by due date; the March target left out");
        assertTrue(targets.stream().noneMatch(t -> t.id() == pastTarget));
        TargetLine csatLine = targets.get(0);
        assertEquals(csat, csatLine.metricKey());
        assertEquals(support, csatLine.scope());
        assertEquals(70.0, csatLine.baseline());
        assertEquals(80.0, csatLine.target());
        assertEquals(82.0, csatLine.actual());
        assertEquals(120.0, csatLine.attainmentPercent());
        assertEquals("green", csatLine.rag());
        TargetLine npsLine = targets.get(1);
        assertNull(npsLine.actual());
        assertNull(npsLine.attainmentPercent());
        assertEquals("no data", npsLine.rag());
        assertTrue(companyWide.stream().anyMatch(t -> t.id() == companyTarget && t.scope() == null));
        assertTrue(companyWide.stream().noneMatch(t -> t.scope() != null));
    }

    @Test
    void longSectionsArriveInChunksInOrder(TestDatabase db) {
        int count = SqlMilestoneSection.CHUNK * 2 + 7;
        String ops = db.inTransaction(em -> {
            Department department = Fixtures.department(em, "ops");
            Initiative initiative = Fixtures.initiative(em, Fixtures.program(em), 1, Pillar.CHANGE, department, Map.of());
            for (int i = 0; i < count; i++) {
                Fixtures.milestone(em, initiative, department, LocalDate.of(2026, 4, 1).plusDays(i % 90));
            }
            return department.code().value();
        });
        List<MilestoneLine> lines = new ArrayList<>();
        db.run(em -> new SqlMilestoneSection(new ThreadTransactions(db),
                Services.of(em, TestUser.programAdmin(), Clock.systemUTC()).progress())
                .milestones(new ReportDepartment(ops, "Operations"), Q2, lines::add));
        assertEquals(count, lines.size());
        for (int i = 1; i < lines.size(); i++) {
            MilestoneLine a = lines.get(i - 1);
            MilestoneLine b = lines.get(i);
            assertTrue(a.due().isBefore(b.due()) || (a.due().equals(b.due()) && a.id() < b.id()), "ordered at " + i);
        }
    }
}
