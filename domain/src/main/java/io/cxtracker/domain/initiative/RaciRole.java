package io.cxtracker.domain.initiative;

/**
 * What a department is to an initiative. Exactly one department is ACCOUNTABLE (the one that answers
 * for it); the others are RESPONSIBLE (do part of the work), CONSULTED or INFORMED.
 */
public enum RaciRole {
    RESPONSIBLE,
    ACCOUNTABLE,
    CONSULTED,
    INFORMED
}
