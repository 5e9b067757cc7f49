package io.cxtracker.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The report's shape and the service's rules, with a source and a sink made by hand. */
class AccountabilityReportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T12:00:00Z"), ZoneOffset.UTC);

    private final ReportSource source = new ReportSource() {
        @Override
        public List<ReportDepartment> departments(String code) {
            List<ReportDepartment> all = List.of(new ReportDepartment("billing", "Billing"), new ReportDepartment("support", "Support"));
            return code == null ? all : all.stream().filter(d -> d.code().equals(code)).toList();
        }

        @Override
        public void milestones(ReportDepartment department, ReportPeriod period, Consumer<MilestoneLine> each) {
            if ("support".equals(department.code())) {
                each.accept(MilestoneLine.of(7, "Publish NPS baseline", "Listen", "support", "alice", LocalDate.of(2026, 3, 31),
                        LocalDate.of(2026, 4, 2), "DONE", null, null, List.of("https://x/e"), period));
            }
        }

        @Override
        public void targets(ReportDepartment department, ReportPeriod period, Consumer<TargetLine> each) {
            if (department.isProgramWide()) {
                each.accept(new TargetLine(3, "nps", "Net Promoter Score", null, "points", 20, 35, 28.0, 53.3, LocalDate.of(2026, 12, 31), "amber"));
            }
        }

        @Override
        public void changes(ReportDepartment department, ReportPeriod period, Consumer<ChangeLine> each) {
            LinkedHashMap<String, String> old = new LinkedHashMap<>();
            old.put("status", "IN_PROGRESS");
            LinkedHashMap<String, String> now = new LinkedHashMap<>();
            now.put("status", "DONE");
            now.put("evidence", "https://x/e");
            each.accept(ChangeLine.of(new AuditRecord(11, Instant.parse("2026-04-02T08:00:00Z"), "alice", "milestone", "7",
                    department.code(), "check-in", old, now, "req-9", "0".repeat(64), "1".repeat(64))));
        }
    };

    @Test
    void everyDepartmentInCodeOrderThenTheProgramWideGroupEachWithThreeSections() {
        RecordingSink sink = new RecordingSink();
        ReportHeader header = service(Role.AUDITOR).prepare(null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), ReportFormat.CSV);
        AccountabilityReport.write(source, header, sink);
        assertEquals(List.of("begin", "department billing", "section milestones", "section targets", "section changes",
                "line changes 11", "department support", "section milestones", "line milestones 7", "section targets",
                "section changes", "line changes 11", "department program-wide", "section milestones", "section targets",
                "line targets 3", "section changes", "line changes 11", "finish"), sink.events);
    }

    @Test
    void timelinessIsJudgedOnTheAsOfDayWhichIsTodayWhileThePeriodRuns() {
        ReportHeader header = service(Role.EXECUTIVE).prepare("support", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), ReportFormat.PDF);
        assertEquals(LocalDate.of(2026, 5, 20), header.period().asOf());
        List<ReportLine> lines = new ArrayList<>();
        source.milestones(new ReportDepartment("support", "Support"), header.period(), lines::add);
        assertEquals(Timeliness.LATE, ((MilestoneLine) lines.get(0)).timeliness());
        assertEquals(List.of(List.of(7L, "Publish NPS baseline", "Listen", "support", "alice", LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 4, 2), "late", "DONE")), lines.get(0).rows().stream().map(r -> r.subList(0, 9)).toList());
    }

    @Test
    void aChangeBecomesOneRowPerField() {
        List<ChangeLine> lines = new ArrayList<>();
        source.changes(new ReportDepartment("support", "Support"), null, lines::add);
        List<List<Object>> rows = lines.get(0).rows();
        assertEquals(2, rows.size());
        assertEquals(List.of("status", "IN_PROGRESS", "DONE"), rows.get(0).subList(6, 9));
        assertEquals("evidence", rows.get(1).get(6));
        assertEquals(null, rows.get(1).get(7));
    }

    @Test
    void prepareDefaultsToTheYearUpToTodayAndRefusesBadInput() {
        ReportHeader header = service(Role.PROGRAM_ADMIN).prepare(" ", null, null, ReportFormat.JSON);
        assertEquals(LocalDate.of(2025, 5, 21), header.period().from());
        assertEquals(LocalDate.of(2026, 5, 20), header.period().to());
        assertEquals("all", header.scope());
        assertEquals("admin", header.generatedBy());
        assertEquals(CLOCK.instant(), header.generatedAt());

        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> service(Role.AUDITOR)
                .prepare("Bad Code", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), ReportFormat.CSV));
        assertEquals(List.of("department", "to"), bad.violations().stream().map(v -> v.field()).toList());
        assertThrows(NotFoundException.class, () -> service(Role.AUDITOR).prepare("marketing", null, null, ReportFormat.CSV));
        assertThrows(AccessDeniedException.class, () -> service(Role.DEPARTMENT_LEAD).prepare(null, null, null, ReportFormat.CSV));
    }

    @Test
    void anExportIsRecordedWithItsDigestsAndCanBeFoundByTheFileDigest() {
        List<ReportDigest> stored = new ArrayList<>();
        ReportDigestRepository digests = new ReportDigestRepository() {
            @Override
            public void add(ReportDigest digest) {
                stored.add(digest);
            }

            @Override
            public Optional<ReportDigest> findByFileSha256(String sha256) {
                return stored.stream().filter(d -> d.fileSha256().equals(sha256)).findFirst();
            }

            @Override
            public Optional<ReportDigest> find(UUID reportId) {
                return stored.stream().filter(d -> d.reportId().equals(reportId)).findFirst();
            }
        };
        ReportService service = new ReportService(source, digests, user(Role.AUDITOR), CLOCK);
        ReportHeader header = service.prepare("billing", null, null, ReportFormat.XLSX);
        ReportDigest digest = service.export(header, new RecordingSink());
        assertEquals(header.reportId(), digest.reportId());
        assertEquals(ReportFormat.XLSX, digest.format());
        assertEquals("billing", digest.department());
        assertEquals(Optional.of(digest), service.verify("a".repeat(64)));
        assertTrue(service.verify("b".repeat(64)).isEmpty());
        assertEquals(digest, service.get(header.reportId()));
        assertThrows(InvalidInputException.class, () -> service.verify("not hex"));
    }

    private ReportService service(Role role) {
        return new ReportService(source, null, user(role), CLOCK);
    }

    private static CurrentUser user(Role role) {
        return new CurrentUser() {
            @Override
            public String name() {
                return "admin";
            }

            @Override
            public Set<Role> roles() {
                return Set.of(role);
            }

            @Override
            public Set<DepartmentCode> departments() {
                return Set.of();
            }
        };
    }

    static final class RecordingSink implements ReportSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void begin(ReportHeader header) {
            events.add("begin");
        }

        @Override
        public void department(ReportDepartment department) {
            events.add("department " + (department.isProgramWide() ? "program-wide" : department.code()));
        }

        @Override
        public void section(ReportSection section) {
            events.add("section " + section.key());
        }

        @Override
        public void line(ReportLine line) {
            Object id = line.rows().get(0).get(0);
            events.add("line " + line.section().key() + " " + id);
        }

        @Override
        public ProducedReport finish() {
            events.add("finish");
            return new ProducedReport("a".repeat(64), "c".repeat(64), 123);
        }

        @Override
        public void close() {
        }
    }
}
