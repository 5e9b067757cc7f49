package io.cxtracker.domain.milestone;

import io.cxtracker.domain.targets.Target;
import java.time.LocalDate;
import java.util.List;

/**
 * A snapshot of a milestone's record (its evaluated status comes from the progress read model).
 *
 * @param weight null when it weighs as much as any other milestone
 * @param reportedStatus the latest check-in's status, null before the first
 * @param override null when the status is not overridden
 * @param version to send back with the next change (the API's ETag)
 */
public record MilestoneView(long id, long initiativeId, String title, String description, String ownerDepartment,
        String ownerPerson, LocalDate due, int progress, List<String> evidence, Double weight,
        CheckInStatus reportedStatus, int checkInCount, StatusOverride override, List<Long> targetIds, long version) {

    public MilestoneView {
        evidence = List.copyOf(evidence);
        targetIds = List.copyOf(targetIds);
    }

    public static MilestoneView of(Milestone m) {
        return new MilestoneView(m.id(), m.initiative().id(), m.title(), m.description(),
                m.ownerDepartment().code().value(), m.ownerPerson(), m.due(), m.progress(), m.evidence(),
                m.weight().orElse(null), m.reportedStatus().orElse(null), m.checkInCount(), m.override().orElse(null),
                m.targets().stream().map(Target::id).toList(), m.version());
    }
}
