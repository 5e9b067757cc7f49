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

    /** See {@link MilestoneSectionSource#milestones}. */
    void milestones(ReportDepartment department, ReportPeriod period, Consumer<MilestoneLine> each);

    /** See {@link TargetSectionSource#targets}. */
    void targets(ReportDepartment department, ReportPeriod period, Consumer<TargetLine> each);

    /**
     * The audit records of the department (for the program-wide group: those of no department) appended
     * in the period, oldest first.
     */
    void changes(ReportDepartment department, ReportPeriod period, Consumer<ChangeLine> each);
}
