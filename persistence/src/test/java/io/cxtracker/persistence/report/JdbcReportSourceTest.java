package io.cxtracker.persistence.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.report.ChangeLine;
import io.cxtracker.domain.report.MilestoneLine;
import io.cxtracker.domain.report.ReportDepartment;
import io.cxtracker.domain.report.ReportDigest;
import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.ReportPeriod;
import io.cxtracker.persistence.audit.ThreadTransactions;
import io.cxtracker.persistence.audit.JdbcAuditTrail;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class JdbcReportSourceTest {

    @Test
    void departmentsComeByCodeAndChangesByDepartmentAndPeriod(TestDatabase db) {
        String[] codes = db.inTransaction(em -> {
            Department b = Fixtures.department(em, "billing");
            Department a = Fixtures.department(em, "accounts");
            return new String[] {a.code().value(), b.code().value()};
        });
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcAuditTrail trail = new JdbcAuditTrail(tx);
        List<AuditRecord> written = tx.inTransaction(() -> List.of(
                trail.record(AuditEntry.of("department", codes[0], AuditEntry.CREATE).by("admin").department(codes[0])
                        .set("name", "Accounts").build()),
                trail.record(AuditEntry.of("milestone", 99, AuditEntry.UPDATE).by("alice").department(codes[1])
                        .change("status", "IN_PROGRESS", "DONE").change("title", "A", "B").build()),
                trail.record(AuditEntry.of("program", 1, AuditEntry.UPDATE).by("admin").change("name", "X", "Y").build())));
        JdbcReportSource source = new JdbcReportSource(tx, new SqlMilestoneSection(tx, null), new SqlTargetSection(tx, null, null));

        assertEquals(List.of(new ReportDepartment(codes[1], "The billing department")), source.departments(codes[1]));
        assertEquals(List.of(), source.departments("no-such-department"));
        List<String> all = source.departments(null).stream().map(ReportDepartment::code).toList();
        assertTrue(all.indexOf(codes[0]) >= 0 && all.indexOf(codes[0]) < all.indexOf(codes[1]), "ordered by code: " + all);

        LocalDate today = written.get(0).at().atZone(ZoneOffset.UTC).toLocalDate();
        ReportPeriod period = new ReportPeriod(today, today, today);
        List<ChangeLine> billing = new ArrayList<>();
        tx.run(() -> source.changes(new ReportDepartment(codes[1], "Billing"), period, billing::add));
        assertEquals(1, billing.size());
        assertEquals(written.get(1).seq(), billing.get(0).seq());
        assertEquals(List.of(new ChangeLine.FieldChange("status", "IN_PROGRESS", "DONE"), new ChangeLine.FieldChange("title", "A", "B")),
                billing.get(0).changes());

        List<ChangeLine> programWide = new ArrayList<>();
        tx.run(() -> source.changes(ReportDepartment.PROGRAM_WIDE, period, programWide::add));
        assertTrue(programWide.stream().anyMatch(c -> c.seq() == written.get(2).seq()));
        assertTrue(programWide.stream().noneMatch(c -> c.seq() == written.get(1).seq()));

        List<ChangeLine> yesterday = new ArrayList<>();
        ReportPeriod before = new ReportPeriod(today.minusDays(1), today.minusDays(1), today.minusDays(1));
        tx.run(() -> source.changes(new ReportDepartment(codes[1], "Billing"), before, yesterday::add));
        assertEquals(List.of(), yesterday);
    }

    @Test
    void aReportSourceWithoutItsMilestoneOrTargetSectionIsRefusedNotSilentlyEmpty(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        SqlMilestoneSection milestones = new SqlMilestoneSection(tx, null);
        SqlTargetSection targets = new SqlTargetSection(tx, null, null);
        NullPointerException noMilestones = assertThrows(NullPointerException.class, () -> new JdbcReportSource(tx, null, targets));
        assertEquals("the milestones section", noMilestones.getMessage());
        NullPointerException noTargets = assertThrows(NullPointerException.class, () -> new JdbcReportSource(tx, milestones, null));
        assertEquals("the targets section", noTargets.getMessage());
    }

    @Test
    void theMilestoneAndTargetSectionsComeFromTheirReadModels(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31));
        List<MilestoneLine> lines = new ArrayList<>();
        SqlMilestoneSection oneOverdue = new SqlMilestoneSection(tx, null) {
            @Override
            public void milestones(ReportDepartment department, ReportPeriod p, java.util.function.Consumer<MilestoneLine> each) {
                each.accept(MilestoneLine.of(1, "M", "I", department.code(), "alice", LocalDate.of(2026, 3, 1), null,
                        "IN_PROGRESS", null, null, List.of(), p));
            }
        };
        new JdbcReportSource(tx, oneOverdue, new SqlTargetSection(tx, null, null))
                .milestones(new ReportDepartment("support", "Support"), period, lines::add);
        assertEquals(1, lines.size());
        assertEquals("overdue", lines.get(0).timeliness().label());
    }

    @Test
    void reportDigestsAreStoredFoundByFileDigestAndNeverChanged(TestDatabase db) {
        ThreadTransactions tx = new ThreadTransactions(db);
        JdbcReportDigestRepository digests = new JdbcReportDigestRepository(tx);
        String file = UUID.randomUUID().toString().replace("-", "").repeat(2);
        ReportDigest digest = new ReportDigest(UUID.randomUUID(), ReportFormat.PDF, file, "e".repeat(64), 4096,
                Instant.now().truncatedTo(ChronoUnit.MICROS), "auditor", "support", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31));
        tx.run(() -> digests.add(digest));
        assertEquals(Optional.of(digest), digests.findByFileSha256(file));
        assertEquals(Optional.of(digest), digests.find(digest.reportId()));
        assertEquals(Optional.empty(), digests.findByFileSha256("0".repeat(64)));
        for (String sql : List.of("UPDATE report_digest SET generated_by = 'mallory' WHERE report_id = '" + digest.reportId() + "'",
                "DELETE FROM report_digest WHERE report_id = '" + digest.reportId() + "'")) {
            SQLException refused = assertThrows(SQLException.class, () -> db.executeAsOwner(sql), sql);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }
}
