package io.cxtracker.domain.milestone;

/** Where a request for approval stands: pending until a program admin or executive decides it, once. */
public enum RequestState {
    PENDING,
    APPROVED,
    REJECTED;

    public boolean isDecided() {
        return this != PENDING;
    }
}
