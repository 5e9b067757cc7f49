package io.cxtracker.domain.review;

import io.cxtracker.domain.milestone.CheckInStatus;
import java.time.Instant;

/** A check-in recorded between the two instants. */
public record CheckInMade(long milestoneId, String title, String ownerDepartment, CheckInStatus status, int progress,
        String author, String comment, Instant at) {
}
