package io.cxtracker.api.shared;

/** A write came without the If-Match that proves the caller saw the current version; nothing was written. */
public class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException(String message) {
        super(message);
    }
}
