package io.cxtracker.domain.report;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where an accountability report's content comes from: a read model that streams each section's lines,
 * so memory stays flat however much history there is. Persistence implements it.
 */
public interface ReportSource {

    /**
     * The departments to report on, ordered by code: the one with the given code (empty when there is
     * no such department), or every department when the code is null.
     */
    List<ReportDepartment> departments(String departmentCode);

    /**
     * Streams the milestones the department owns that matter for the period, ordered by due date then
     * id: those due in it, those done in it, and those still open and overdue at its end. The program-wide
     * group has none. Build lines with {@link MilestoneLine#of}, which judges the timeliness.
     */
    void milestones(ReportDepartment department, ReportPeriod period, Consumer<MilestoneLine> each);

    /**
     * Streams the targets scoped to the department (for the program-wide group: the company-wide ones)
     * that are due in the period or later, ordered by due date then id, evaluated as of the period's
     * {@link ReportPeriod#asOf() as-of} day.
     */
    void targets(ReportDepartment department, ReportPeriod period, Consumer<TargetLine> each);

    /**
     * The audit records of the department (for the program-wide group: those of no department) appended
     * in the period, oldest first.
     */
    void changes(ReportDepartment department, ReportPeriod period, Consumer<ChangeLine> each);
}
