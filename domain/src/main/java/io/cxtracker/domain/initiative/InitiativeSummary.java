package io.cxtracker.domain.initiative;

import io.cxtracker.domain.program.Pillar;
import java.util.LinkedHashMap;
import java.util.Map;

/** A snapshot of an initiative; {@code raci} holds every department's role by code, the accountable one first. */
public record InitiativeSummary(long id, long programId, int phaseNumber, String phaseName, Pillar pillar, String title,
        String description, String accountableDepartment, Map<String, RaciRole> raci, long version) {

    public InitiativeSummary {
        raci = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(raci));
    }

    public static InitiativeSummary of(Initiative initiative) {
        Map<String, RaciRole> raci = new LinkedHashMap<>();
        initiative.raci().forEach((code, role) -> raci.put(code.value(), role));
        return new InitiativeSummary(initiative.id(), initiative.program().id(), initiative.phase().number(),
                initiative.phase().name(), initiative.pillar(), initiative.title(), initiative.description(),
                initiative.accountable().code().value(), raci, initiative.version());
    }
}
