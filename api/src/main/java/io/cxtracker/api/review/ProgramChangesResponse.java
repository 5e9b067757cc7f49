package io.cxtracker.api.review;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.review.CheckInMade;
import io.cxtracker.domain.review.GroupMovement;
import io.cxtracker.domain.review.MetricMovement;
import io.cxtracker.domain.review.MilestoneChange;
import io.cxtracker.domain.review.OverrideMade;
import io.cxtracker.domain.review.ProgramChanges;
import io.cxtracker.domain.review.RagChange;
import io.cxtracker.domain.review.StatusChange;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.targets.Rag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changed in a program between two instants, each side as the system knew it then. */
public record ProgramChangesResponse(long programId, String programName, Instant from, Instant to,
        @Schema(description = "the review from defaulted to; null when from was given or no review was recorded") ReviewResponse since,
        List<StatusChangeResponse> statusChanges, List<MilestoneChangeResponse> newAtRisk,
        List<MilestoneChangeResponse> newOverdue, List<RagChangeResponse> targetRagChanges,
        List<GroupMovementResponse> groupMovements, List<MetricMovementResponse> metricMovements,
        List<CheckInResponse> checkIns, List<OverrideResponse> overrides) {

    static ProgramChangesResponse of(ProgramChanges c) {
        return new ProgramChangesResponse(c.programId(), c.programName(), c.from(), c.to(), ReviewResponse.of(c.since()),
                c.statusChanges().stream().map(StatusChangeResponse::of).toList(),
                c.newAtRisk().stream().map(MilestoneChangeResponse::of).toList(),
                c.newOverdue().stream().map(MilestoneChangeResponse::of).toList(),
                c.targetRagChanges().stream().map(RagChangeResponse::of).toList(),
                c.groupMovements().stream().map(GroupMovementResponse::of).toList(),
                c.metricMovements().stream().map(MetricMovementResponse::of).toList(),
                c.checkIns().stream().map(CheckInResponse::of).toList(),
                c.overrides().stream().map(OverrideResponse::of).toList());
    }

    /** A milestone's status at both instants and the last act in between that explains it. */
    public record StatusChangeResponse(long milestoneId, String title, Pillar pillar, String ownerDepartment,
            @Schema(description = "null when the milestone did not exist yet") MilestoneStatus from, MilestoneStatus to,
            @Schema(description = "null when nobody made the change (targets' data, a due date passing)") String by,
            String why, Instant at) {
        static StatusChangeResponse of(StatusChange c) {
            return new StatusChangeResponse(c.milestoneId(), c.title(), c.pillar(), c.ownerDepartment(), c.from(), c.to(),
                    c.by(), c.why(), c.at());
        }
    }

    /** A milestone that entered a list between the two instants. */
    public record MilestoneChangeResponse(long milestoneId, String title, Pillar pillar, String ownerDepartment,
            LocalDate due, MilestoneStatus from, MilestoneStatus to) {
        static MilestoneChangeResponse of(MilestoneChange c) {
            return new MilestoneChangeResponse(c.milestoneId(), c.title(), c.pillar(), c.ownerDepartment(), c.due(),
                    c.from(), c.to());
        }
    }

    /** A linked target's RAG at both instants. */
    public record RagChangeResponse(long targetId, String metricKey,
            @Schema(description = "null for the whole company") String departmentCode, Rag from, Rag to, String reason) {
        static RagChangeResponse of(RagChange c) {
            return new RagChangeResponse(c.targetId(), c.metricKey(), c.departmentCode(), c.from(), c.to(), c.reason());
        }
    }

    /** A pillar's or department's roll-up at both instants. */
    public record GroupMovementResponse(@Schema(enumeration = {"PILLAR", "DEPARTMENT"}) String kind, String key,
            String title, Rag ragFrom, Rag ragTo, double onTrackShareFrom, double onTrackShareTo, long milestonesFrom,
            long milestonesTo) {
        static GroupMovementResponse of(GroupMovement m) {
            RollUpResult from = m.from();
            RollUpResult to = m.to();
            return new GroupMovementResponse(m.kind(), m.key(), m.title(), from.rag(), to.rag(), from.onTrackShare(),
                    to.onTrackShare(), from.itemCount(), to.itemCount());
        }
    }

    /** A metric's value in one pillar and department at both instants. */
    public record MetricMovementResponse(Pillar pillar,
            @Schema(description = "null for the whole company") String departmentCode, String metricKey,
            @Schema(description = "null without data then") Double from,
            @Schema(description = "null without data then") Double to,
            @Schema(description = "to - from; null unless both are known") Double delta) {
        static MetricMovementResponse of(MetricMovement m) {
            return new MetricMovementResponse(m.pillar(), m.departmentCode(), m.metricKey(), number(m.from()),
                    number(m.to()), number(m.delta()));
        }
    }

    /** A check-in recorded between the two instants. */
    public record CheckInResponse(long milestoneId, String title, String ownerDepartment, CheckInStatus status,
            int progress, String author, String comment, Instant at) {
        static CheckInResponse of(CheckInMade c) {
            return new CheckInResponse(c.milestoneId(), c.title(), c.ownerDepartment(), c.status(), c.progress(),
                    c.author(), c.comment(), c.at());
        }
    }

    /** An override set, changed or cleared between the two instants. */
    public record OverrideResponse(long milestoneId, String title, String ownerDepartment,
            @Schema(description = "null when there was none") MilestoneStatus previous,
            @Schema(description = "null when the override was cleared") MilestoneStatus status, String reason, String by,
            Instant at) {
        static OverrideResponse of(OverrideMade o) {
            return new OverrideResponse(o.milestoneId(), o.title(), o.ownerDepartment(), o.previous(), o.status(),
                    o.reason(), o.by(), o.at());
        }
    }

    private static Double number(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
