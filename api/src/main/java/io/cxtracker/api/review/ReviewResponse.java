package io.cxtracker.api.review;

import io.cxtracker.domain.review.ReviewMark;
import java.time.Instant;

/** A recorded review of a program. */
public record ReviewResponse(long id, long programId, Instant reviewedAt, String reviewedBy, String note) {

    static ReviewResponse of(ReviewMark mark) {
        return mark == null ? null
                : new ReviewResponse(mark.id(), mark.programId(), mark.reviewedAt(), mark.reviewedBy(), mark.note());
    }
}
