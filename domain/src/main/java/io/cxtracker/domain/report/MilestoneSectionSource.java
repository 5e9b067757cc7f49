package io.cxtracker.domain.report;

import java.util.function.Consumer;

/**
 * The milestones section of the accountability report, to be implemented by the milestone read model
 * (a CDI bean in persistence:
 * {@code io.cxtracker.persistence.report.SqlMilestoneSection}). Without one the section is empty.
 */
public interface MilestoneSectionSource {

    /**
     * Streams the milestones the department owns that matter for the period, ordered by due date then
     * id: those due in it, those done in it, and those still open and overdue at its end. The program-wide
     * group has none. Build lines with {@link MilestoneLine#of}, which judges the timeliness.
     */
    void milestones(ReportDepartment department, ReportPeriod period, Consumer<MilestoneLine> each);
}
