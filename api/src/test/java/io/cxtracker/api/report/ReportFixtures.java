package io.cxtracker.api.report;

import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.report.ChangeLine;
import io.cxtracker.domain.report.MilestoneLine;
import io.cxtracker.domain.report.ReportDepartment;
import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.ReportHeader;
import io.cxtracker.domain.report.ReportPeriod;
import io.cxtracker.domain.report.ReportSink;
import io.cxtracker.domain.report.ReportSource;
import io.cxtracker.domain.report.TargetLine;
import io.cxtracker.domain.report.ProducedReport;
import io.cxtracker.domain.report.AccountabilityReport;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The demo program's report in small: Support and Billing, one overridden milestone, an NPS target, a
 * few changes — and the payloads a hostile department lead might type into a title or a check-in.
 */
final class ReportFixtures {
    static final ReportPeriod Q1 = new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31));
    static final UUID REPORT_ID = UUID.fromString("6f1d7f64-9a43-4c55-9df1-2a0f3b6a9e10");
    static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(A1:A9)", "\tTabbed", "\rReturned", "  =1+1", "\u0001@cmd", "\uFF1DSUM(A1:A9)");

    private ReportFixtures() {
    }

    static ReportHeader header(ReportFormat format) {
        return new ReportHeader(REPORT_ID, ReportHeader.ACCOUNTABILITY_TITLE, format, Instant.parse("2026-04-01T08:30:00.123Z"),
                "audrey.auditor", null, Q1);
    }

    /** A source with {@code extraChanges} more change records for Support, to make tables break across pages. */
    static ReportSource source(int extraChanges) {
        return new ReportSource() {
            @Override
            public List<ReportDepartment> departments(String code) {
                return List.of(new ReportDepartment("billing", "Billing"), new ReportDepartment("support", "Customer Support"));
            }

            @Override
            public void milestones(ReportDepartment department, ReportPeriod period, Consumer<MilestoneLine> each) {
                if ("support".equals(department.code())) {
                    each.accept(MilestoneLine.of(7, "Publish the NPS baseline", "Listen to the customer", "support", "alice",
                            LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 3), "DONE", "carol", "signed off by the CCO",
                            List.of("https://intranet.example.com/nps"), period));
                    for (int i = 0; i < PAYLOADS.size(); i++) {
                        each.accept(MilestoneLine.of(100 + i, PAYLOADS.get(i), "Injected", "support", "mallory",
                                LocalDate.of(2026, 3, 31), null, "IN_PROGRESS", null, null, List.of(), period));
                    }
                }
            }

            @Override
            public void targets(ReportDepartment department, ReportPeriod period, Consumer<TargetLine> each) {
                if (department.isProgramWide()) {
                    each.accept(new TargetLine(3, "nps", "Net Promoter Score", null, "points", -10, 25, 12.5, 64.3,
                            LocalDate.of(2026, 12, 31), "amber"));
                }
            }

            @Override
            public void changes(ReportDepartment department, ReportPeriod period, Consumer<ChangeLine> each) {
                if ("support".equals(department.code())) {
                    each.accept(ChangeLine.of(record(41, "check-in", "status", "IN_PROGRESS", "DONE")));
                    for (int i = 0; i < extraChanges; i++) {
                        each.accept(ChangeLine.of(record(1000 + i, "update", "progress", String.valueOf(i), String.valueOf(i + 1))));
                    }
                }
            }
        };
    }

    static AuditRecord record(long seq, String action, String field, String old, String now) {
        LinkedHashMap<String, String> before = new LinkedHashMap<>();
        before.put(field, old);
        LinkedHashMap<String, String> after = new LinkedHashMap<>();
        after.put(field, now);
        return new AuditRecord(seq, Instant.parse("2026-03-03T10:15:00Z").plusSeconds(seq), "alice", "milestone", "7", "support",
                action, before, after, "req-" + seq, "0".repeat(64), "1".repeat(64));
    }

    record Rendered(byte[] bytes, ProducedReport produced) {
    }

    static Rendered render(ReportFormat format, int extraChanges) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProducedReport produced;
        try (ReportSink sink = new ReportSinks().open(format, out)) {
            produced = AccountabilityReport.write(source(extraChanges), header(format), sink);
        }
        return new Rendered(out.toByteArray(), produced);
    }
}
