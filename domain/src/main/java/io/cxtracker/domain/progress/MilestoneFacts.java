package io.cxtracker.domain.progress;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.StatusOverride;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.targets.Target;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the read model needs to know of a milestone to evaluate and roll it up: where it sits in the
 * plan, who owns it, when it is due, its latest check-in, its override and its linked targets. A
 * projection the database answers in one query per program, instead of loading every entity.
 *
 * @param weight null when it weighs as much as any other milestone
 * @param reportedStatus the latest check-in's status, null before the first
 * @param override null when not overridden
 */
public record MilestoneFacts(long id, String title, long initiativeId, String initiativeTitle, Pillar pillar,
        int phaseNumber, String phaseName, String ownerDepartment, LocalDate due, Double weight,
        CheckInStatus reportedStatus, StatusOverride override, List<Long> targetIds) {

    public MilestoneFacts {
        Objects.requireNonNull(due, "due");
        targetIds = List.copyOf(targetIds);
    }

    public static MilestoneFacts of(Milestone m) {
        return new MilestoneFacts(m.id(), m.title(), m.initiative().id(), m.initiative().title(), m.initiative().pillar(),
                m.initiative().phase().number(), m.initiative().phase().name(), m.ownerDepartment().code().value(),
                m.due(), m.weight().orElse(null), m.reportedStatus().orElse(null), m.override().orElse(null),
                m.targets().stream().map(Target::id).toList());
    }
}
