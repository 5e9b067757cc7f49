package io.cxtracker.domain.initiative;

import io.cxtracker.domain.program.Pillar;
import java.util.Map;

/**
 * The command to add an initiative to a program.
 *
 * @param phaseNumber 1 for the program's first phase
 * @param raci contributing departments by code with their role (RESPONSIBLE, CONSULTED, INFORMED); may be null
 */
public record NewInitiative(long programId, Integer phaseNumber, Pillar pillar, String title, String description,
        String accountableDepartment, Map<String, RaciRole> raci) {
}
