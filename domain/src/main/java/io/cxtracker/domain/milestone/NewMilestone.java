package io.cxtracker.domain.milestone;

import java.time.LocalDate;
import java.util.List;

/**
 * The command to add a milestone to an initiative.
 *
 * @param ownerDepartment the owning department's code
 * @param ownerPerson the accountable person's user name
 * @param weight null to weigh as much as any other milestone in roll-ups
 */
public record NewMilestone(long initiativeId, String title, String description, String ownerDepartment,
        String ownerPerson, LocalDate due, List<String> evidence, Double weight) {
}
