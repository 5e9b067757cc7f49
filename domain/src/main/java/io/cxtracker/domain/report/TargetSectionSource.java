package io.cxtracker.domain.report;

import java.util.function.Consumer;

/**
 * The targets section of the accountability report, to be implemented by the target read model (a CDI
 * bean in persistence: {@code io.cxtracker.persistence.report.SqlTargetSection}). Without one the section is empty.
 */
public interface TargetSectionSource {

    /**
     * Streams the targets scoped to the department (for the program-wide group: the company-wide ones)
     * that are due in the period or later, ordered by due date then id, evaluated as of the period's
     * {@link ReportPeriod#asOf() as-of} day.
     */
    void targets(ReportDepartment department, ReportPeriod period, Consumer<TargetLine> each);
}
