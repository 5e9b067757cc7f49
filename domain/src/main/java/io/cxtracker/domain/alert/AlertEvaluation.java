package io.cxtracker.domain.alert;

/**
 * What one evaluation of the scheduled rules did.
 *
 * @param raised alerts the rules raised (one per audience)
 * @param stored of those, the ones that were new (the rest were stored by an earlier evaluation or another node)
 */
public record AlertEvaluation(int programs, int milestones, int targets, int commitments, int raised, int stored) {
}
