package io.cxtracker.domain.program;

import java.time.LocalDate;

/** A phase as callers see it; {@code end} is the phase's last day. */
public record PhaseSummary(long id, int number, String name, LocalDate start, LocalDate end) {

    public static PhaseSummary of(Phase phase) {
        return new PhaseSummary(phase.id(), phase.number(), phase.name(), phase.start(), phase.end());
    }
}
