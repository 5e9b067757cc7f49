package io.cxtracker.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.audit.AuditQuery;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.EntityState;
import io.cxtracker.domain.audit.StateAsOf;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.NewDepartment;
import io.cxtracker.domain.initiative.InitiativeRevision;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.metric.NewReading;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.metric.StatisticsInput;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneRevision;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.MilestoneView;
import io.cxtracker.domain.milestone.NewCheckIn;
import io.cxtracker.domain.milestone.NewMilestone;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.NewTarget;
import io.cxtracker.domain.targets.TargetRevision;
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
 * ARCHITECTURE §3 "every write records an audit record in the same transaction", against PostgreSQL: each
 * write goes through a use-case service in a transaction of its own, under a request id of its own, and
 * the audit table then holds exactly one record per write and none for refused or rolled-back ones.
 */
@ExtendWith(PostgresExtension.class)
class AuditedWritesTest {
    private static final Clock APRIL_1 = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);

    private final String prefix = Fixtures.unique("audited");
    private final List<String> writes = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();

    /** A write that must be recorded once: its own transaction and request id. */
    private <T> T write(TestDatabase db, CurrentUser user, Function<Services, T> work) {
        String requestId = prefix + "-w" + writes.size();
        writes.add(requestId);
        return db.inTransaction(em -> work.apply(Services.of(em, user, APRIL_1, requestId)));
    }

    /** A write the service refuses: it must leave no record. */
    private <X extends Throwable> void refused(TestDatabase db, Class<X> expected, CurrentUser user,
            Function<Services, ?> work) {
        String requestId = prefix + "-r" + refusals.size();
        refusals.add(requestId);
        assertThrows(expected, () -> db.inTransaction(em -> work.apply(Services.of(em, user, APRIL_1, requestId))));
    }

    @Test
    void everyWriteThroughTheServicesRecordsExactlyOneAuditRecordAndRefusedOnesNone(TestDatabase db) {
        TestUser admin = TestUser.programAdmin();
        String support = Fixtures.unique("support");
        String billing = Fixtures.unique("billing");
        write(db, admin, s -> s.departments().register(new NewDepartment(support, "Customer support", null)));
        write(db, admin, s -> s.departments().register(new NewDepartment(billing, "Billing", null)));
        TestUser supportLead = TestUser.leadOf(new DepartmentCode(support));
        refused(db, AccessDeniedException.class, supportLead,
                s -> s.departments().register(new NewDepartment(Fixtures.unique("legal"), "Legal", null)));

        long program = write(db, admin, s -> s.setup().createProgram(new NewProgram("CX 2026–2028", LocalDate.of(2026, 1, 1), null))).id();
        var renamed = write(db, admin, s -> s.setup().renameProgram(program, 0, "CX Transformation 2026–2028"));
        refused(db, ConcurrentUpdateException.class, admin, s -> s.setup().renameProgram(program, 0, "stale"));
        var initiative = write(db, admin, s -> s.setup().createInitiative(new NewInitiative(program, 1, Pillar.MEASURE,
                "Measure satisfaction", null, support, Map.of(billing, RaciRole.CONSULTED))));
        var raci = write(db, admin, s -> s.setup().assignRaci(initiative.id(), initiative.version(), billing, RaciRole.RESPONSIBLE));
        write(db, admin, s -> s.setup().reviseInitiative(initiative.id(), raci.version(),
                new InitiativeRevision("Measure satisfaction after every contact", null, Pillar.MEASURE, 1)));
        String csat = Fixtures.unique("csat");
        write(db, admin, s -> s.metricSetup().defineMetric(new NewMetric(csat, "CSAT", "%", MetricKind.CSAT,
                Direction.HIGHER_IS_BETTER, support, ReportingFrequency.DAILY)));
        refused(db, InvalidInputException.class, admin, s -> s.metricSetup().defineMetric(new NewMetric("Bad Key", "", "%",
                MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support, ReportingFrequency.DAILY)));
        var target = write(db, admin, s -> s.targetSetup().setTarget(new NewTarget(csat, support, 70.0, 80.0,
                LocalDate.of(2026, 6, 30), null, null, 2.0, 30)));
        write(db, admin, s -> s.targetSetup().reviseTarget(target.id(), target.version(),
                new TargetRevision(70.0, 82.0, LocalDate.of(2026, 6, 30), 2.0, 30)));

        MilestoneView created = write(db, admin, s -> s.milestones().create(new NewMilestone(initiative.id(), "CSAT reaches 80",
                null, support, "alice", LocalDate.of(2026, 6, 30), List.of("https://wiki.example.com/csat"), null)));
        MilestoneView m = write(db, supportLead, s -> s.milestones().update(created.id(), created.version(), new MilestoneRevision("CSAT reaches 82",
                "after every contact", support, "alice", LocalDate.of(2026, 6, 30), null, 2.0)));
        MilestoneView revised = m;
        refused(db, ConcurrentUpdateException.class, supportLead, s -> s.milestones().checkIn(revised.id(), 0,
                new NewCheckIn(CheckInStatus.IN_PROGRESS, 10, null, null)));
        refused(db, AccessDeniedException.class, TestUser.leadOf(new DepartmentCode(billing)),
                s -> s.milestones().checkIn(revised.id(), revised.version(), new NewCheckIn(CheckInStatus.DONE, 100, null, null)));
        m = write(db, supportLead, s -> s.milestones().checkIn(revised.id(), revised.version(),
                new NewCheckIn(CheckInStatus.IN_PROGRESS, 40, "survey live on chat", List.of("https://bi.example.com/csat"))));
        MilestoneView checkedIn = m;
        refused(db, InvalidInputException.class, admin, s -> s.milestones().overrideStatus(checkedIn.id(),
                checkedIn.version(), MilestoneStatus.ON_TRACK, " "));
        m = write(db, admin, s -> s.milestones().overrideStatus(checkedIn.id(), checkedIn.version(),
                MilestoneStatus.ON_TRACK, "vendor signed").applied());
        MilestoneView overridden = m;
        m = write(db, supportLead, s -> s.milestones().clearOverride(overridden.id(), overridden.version()));
        MilestoneView cleared = m;
        m = write(db, supportLead, s -> s.milestones().linkTarget(cleared.id(), cleared.version(), target.id()));
        MilestoneView linked = m;
        refused(db, InvalidInputException.class, supportLead, s -> s.milestones().linkTarget(linked.id(), linked.version(), -1));
        m = write(db, admin, s -> s.milestones().unlinkTarget(linked.id(), linked.version(), target.id(), null).applied());

        List<NewReading> batch = List.of(
                new NewReading(csat, LocalDate.of(2026, 3, 30), support, "chat", StatisticsInput.csat(80, 100), null, prefix + "-a"),
                new NewReading(csat, LocalDate.of(2026, 3, 31), support, "chat", StatisticsInput.csat(85, 100), null, prefix + "-b"),
                new NewReading(csat, LocalDate.of(2026, 3, 31), support, "chat", StatisticsInput.csat(101, 100), null, prefix + "-c"));
        var report = write(db, TestUser.ingestClient(), s -> s.ingestion().ingest(batch));
        assertEquals(2, report.accepted());
        // the same batch again stores nothing: no write, no record
        String resent = prefix + "-resent";
        assertEquals(0, db.inTransaction(em -> Services.of(em, TestUser.ingestClient(), APRIL_1, resent).ingestion().ingest(batch))
                .accepted());
        refused(db, AccessDeniedException.class, supportLead, s -> s.ingestion().ingest(batch));

        assertEquals(writes.size(), db.number("SELECT count(*) FROM audit_record WHERE request_id LIKE '" + prefix + "-%'"),
                "one audit record per write, none for refused ones");
        for (String requestId : writes) {
            assertEquals(1, db.number("SELECT count(*) FROM audit_record WHERE request_id = '" + requestId + "'"), requestId);
        }
        assertEquals(0, db.number("SELECT count(*) FROM audit_record WHERE request_id LIKE '" + prefix + "-r%' OR request_id = '"
                + resent + "'"));
        assertEquals(1, db.number("SELECT count(*) FROM audit_record WHERE entity_type = 'reading-batch' AND request_id LIKE '"
                + prefix + "-%' AND new_value->>'accepted' = '2' AND new_value->>'rejected' = '1'"
                + " AND new_value->>'metricKeys' = '" + csat + "' AND department_code = '" + support + "'"));
        assertEquals(renamed.name(), "CX Transformation 2026–2028");

        JdbcAuditRecordRepository records = new JdbcAuditRecordRepository(new ThreadTransactions(db));
        assertTrue(records.verifyChain().intact());
        List<AuditRecord> history = records.find(AuditQuery.entity("milestone", m.id()), PageRequest.first(50)).items();
        assertEquals(List.of("create", "update", "check-in", "override-status", "clear-override", "link-target",
                "unlink-target"), history.stream().map(AuditRecord::action).toList());
        assertEquals(List.of("admin", "lead", "lead", "admin", "lead", "lead", "admin"),
                history.stream().map(r -> r.actor().equals(admin.name()) ? "admin" : r.actor().equals(supportLead.name()) ? "lead" : r.actor()).toList());
        assertTrue(history.stream().allMatch(r -> support.equals(r.department())));

        EntityState now = StateAsOf.of("milestone", String.valueOf(m.id()), Instant.now().plusSeconds(60), history).orElseThrow();
        assertEquals(List.of(), now.inconsistencies(), "the history is complete: every write was recorded");
        assertEquals("CSAT reaches 82", now.fields().get("title"));
        assertEquals("40", now.fields().get("progress"));
        assertEquals("IN_PROGRESS", now.fields().get("status"));
        assertEquals("survey live on chat", now.fields().get("checkIn.comment"));
        assertEquals(null, now.fields().get("overrideStatus"));
        EntityState asCreated = StateAsOf.of("milestone", String.valueOf(m.id()), history.get(0).at(), history).orElseThrow();
        assertEquals("CSAT reaches 80", asCreated.fields().get("title"));
        assertEquals("https://wiki.example.com/csat", asCreated.fields().get("evidence"));
    }

    @Test
    void aWriteWhoseTransactionRollsBackLeavesNoRecord(TestDatabase db) {
        String requestId = prefix + "-rollback";
        String code = Fixtures.unique("rolled");
        assertThrows(IllegalStateException.class, () -> db.inTransaction(em -> {
            Services.of(em, TestUser.programAdmin(), APRIL_1, requestId).departments()
                    .register(new NewDepartment(code, "Rolled back", null));
            throw new IllegalStateException("something later in the transaction fails");
        }));
        assertEquals(0, db.number("SELECT count(*) FROM audit_record WHERE request_id = '" + requestId + "'"));
        assertEquals(0, db.number("SELECT count(*) FROM department WHERE code = '" + code + "'"));
    }
}
