package io.cxtracker.domain.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the accountability report of ARCHITECTURE §5: for each department of the scope, ordered by
 * code, its milestones, its targets and every change to what it owns in the period; when the report
 * covers all departments, a last program-wide group with company-wide targets and changes that belong
 * to no department.
 */
public final class AccountabilityReport {
    private AccountabilityReport() {
    }

    /** The groups of the report, in order. */
    public static List<ReportDepartment> groups(ReportSource source, String departmentCode) {
        List<ReportDepartment> groups = new ArrayList<>(source.departments(departmentCode));
        if (departmentCode == null) {
            groups.add(ReportDepartment.PROGRAM_WIDE);
        }
        return groups;
    }

    /** Streams the whole report from the source into the sink and finishes it. */
    public static ProducedReport write(ReportSource source, ReportHeader header, ReportSink sink) {
        ReportPeriod period = header.period();
        sink.begin(header);
        for (ReportDepartment group : groups(source, header.department())) {
            sink.department(group);
            sink.section(ReportSection.MILESTONES);
            source.milestones(group, period, sink::line);
            sink.section(ReportSection.TARGETS);
            source.targets(group, period, sink::line);
            sink.section(ReportSection.CHANGES);
            source.changes(group, period, sink::line);
        }
        return sink.finish();
    }
}
