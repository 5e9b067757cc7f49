package io.cxtracker.api.initiative;

import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.program.Pillar;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An initiative; {@code raci} holds every department's role by code, the accountable one first; {@code version} is its ETag. */
public record InitiativeResponse(long id, long programId, int phaseNumber, String phaseName, Pillar pillar, String title,
        String description, String accountableDepartment,
        @Schema(description = "department code → RACI role") Map<String, RaciRole> raci, long version) {

    static InitiativeResponse of(InitiativeSummary i) {
        return new InitiativeResponse(i.id(), i.programId(), i.phaseNumber(), i.phaseName(), i.pillar(), i.title(),
                i.description(), i.accountableDepartment(), i.raci(), i.version());
    }
}
