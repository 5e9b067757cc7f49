package io.cxtracker.domain.review;

import java.time.Instant;

/**
 * A recorded review of a program: the instant "what changed" counts from by default.
 *
 * @param note null without one
 */
public record ReviewMark(long id, long programId, Instant reviewedAt, String reviewedBy, String note) {
}
