package io.cxtracker.api.program;

import io.cxtracker.domain.program.PhaseSummary;
import java.time.LocalDate;

/** A phase as the API shows it; {@code end} is its last day. */
public record PhaseResponse(int number, String name, LocalDate start, LocalDate end) {

    static PhaseResponse of(PhaseSummary phase) {
        return new PhaseResponse(phase.number(), phase.name(), phase.start(), phase.end());
    }
}
