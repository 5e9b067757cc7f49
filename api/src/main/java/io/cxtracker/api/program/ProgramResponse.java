package io.cxtracker.api.program;

import io.cxtracker.domain.program.ProgramSummary;
import java.time.LocalDate;
import java.util.List;

/** A program with its phases; {@code version} is also its ETag. */
public record ProgramResponse(long id, String name, LocalDate start, LocalDate end, List<PhaseResponse> phases, long version) {

    static ProgramResponse of(ProgramSummary program) {
        return new ProgramResponse(program.id(), program.name(), program.start(), program.end(),
                program.phases().stream().map(PhaseResponse::of).toList(), program.version());
    }
}
