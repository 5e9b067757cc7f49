package io.cxtracker.api.dashboard;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.targets.Rag;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A group's roll-up: its RAG, how many milestones in each status, and the weighted shares by health. */
public record RollUpResponse(Rag rag, long milestones,
        @Schema(description = "every status, zero included") Map<MilestoneStatus, Long> counts,
        double totalWeight, double onTrackShare, double amberShare, double redShare) {

    static RollUpResponse of(RollUpResult r) {
        return new RollUpResponse(r.rag(), r.itemCount(), r.counts(), r.totalWeight(), r.onTrackShare(), r.amberShare(),
                r.redShare());
    }
}
