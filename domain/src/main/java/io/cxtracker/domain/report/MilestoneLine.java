package io.cxtracker.domain.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A milestone as the accountability report shows it.
 *
 * @param done the day it was done, null while it is not
 * @param status the status shown (derived, or the override)
 * @param overriddenBy who overrode the status by hand, null when it was not overridden
 * @param overrideReason the mandatory reason of the override
 */
public record MilestoneLine(long id, String title, String initiative, String ownerDepartment, String ownerPerson,
        LocalDate due, LocalDate done, Timeliness timeliness, String status, String overriddenBy, String overrideReason,
        List<String> evidence) implements ReportLine {

    public MilestoneLine {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Judges the timeliness on the period's {@link ReportPeriod#asOf() as-of} day. */
    public static MilestoneLine of(long id, String title, String initiative, String ownerDepartment, String ownerPerson,
            LocalDate due, LocalDate done, String status, String overriddenBy, String overrideReason, List<String> evidence,
            ReportPeriod period) {
        return new MilestoneLine(id, title, initiative, ownerDepartment, ownerPerson, due, done,
                Timeliness.of(due, done, period.asOf()), status, overriddenBy, overrideReason, evidence);
    }

    @Override
    public ReportSection section() {
        return ReportSection.MILESTONES;
    }

    @Override
    public List<List<Object>> rows() {
        return List.of(Arrays.asList(id, title, initiative, ownerDepartment, ownerPerson, due, done, timeliness.label(),
                status, overriddenBy, overrideReason, evidence.isEmpty() ? null : String.join("\n", evidence)));
    }
}
