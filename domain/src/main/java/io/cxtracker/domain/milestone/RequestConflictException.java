package io.cxtracker.domain.milestone;

/**
 * The request cannot be made or decided as asked because of what was recorded before: it was decided
 * already (decisions are final), or the same change is already waiting for approval. Nothing was written.
 */
public class RequestConflictException extends RuntimeException {
    public RequestConflictException(String message) {
        super(message);
    }
}
