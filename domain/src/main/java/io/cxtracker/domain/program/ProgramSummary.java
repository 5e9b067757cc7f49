package io.cxtracker.domain.program;

import java.time.LocalDate;
import java.util.List;

/** A snapshot of a program and its phases, never the live entity. */
public record ProgramSummary(long id, String name, LocalDate start, LocalDate end, List<PhaseSummary> phases, long version) {

    public ProgramSummary {
        phases = List.copyOf(phases);
    }

    public static ProgramSummary of(Program program) {
        return new ProgramSummary(program.id(), program.name(), program.start(), program.end(),
                program.phases().stream().map(PhaseSummary::of).toList(), program.version());
    }
}
