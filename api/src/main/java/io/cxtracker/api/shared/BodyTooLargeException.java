package io.cxtracker.api.shared;

/** A request body is larger than its endpoint accepts; it was not read further and nothing was written. */
public class BodyTooLargeException extends RuntimeException {
    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The body is larger than the " + limit + " bytes this endpoint accepts");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
