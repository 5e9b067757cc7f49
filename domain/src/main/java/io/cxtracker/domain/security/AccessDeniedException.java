package io.cxtracker.domain.security;

/** The current user may not do this; nothing was written. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
