package io.cxtracker.domain.initiative;

import io.cxtracker.domain.program.Pillar;

/**
 * The new plan of an initiative: every field is replaced (a null description clears it). The RACI
 * changes through its own use case; the program stays.
 *
 * @param phaseNumber the phase of the initiative's program to move it to
 */
public record InitiativeRevision(String title, String description, Pillar pillar, Integer phaseNumber) {
}
