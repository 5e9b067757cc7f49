package io.cxtracker.domain.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The recorded acts between two instants, and the program's reviews (append-only). */
public interface ReviewRepository {

    /** Check-ins on the program's milestones recorded in {@code (from, to]}, oldest first. */
    List<CheckInMade> checkInsBetween(long programId, Instant from, Instant to);

    /** Overrides on the program's milestones set, changed or cleared in {@code (from, to]}, oldest first. */
    List<OverrideMade> overridesBetween(long programId, Instant from, Instant to);

    /** The program's latest review recorded at or before {@code atOrBefore}. */
    Optional<ReviewMark> lastReview(long programId, Instant atOrBefore);

    /** Appends a review. */
    ReviewMark record(long programId, Instant reviewedAt, String reviewedBy, String note);
}
