package io.cxtracker.domain.program;

import java.time.LocalDate;
import java.util.List;

/** The command to set up a program; phases null or empty for the default three one-year phases. */
public record NewProgram(String name, LocalDate startDate, List<PhasePlan> phases) {
}
