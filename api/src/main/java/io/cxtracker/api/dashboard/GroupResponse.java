package io.cxtracker.api.dashboard;

import io.cxtracker.domain.progress.GroupProgress;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One group of a roll-up: an initiative, pillar, phase or department. */
public record GroupResponse(
        @Schema(description = "initiative id, pillar name, phase number or department code") String key,
        String label, RollUpResponse rollUp) {

    static GroupResponse of(GroupProgress g) {
        return new GroupResponse(g.key(), g.label(), RollUpResponse.of(g.rollUp()));
    }
}
