package io.cxtracker.domain.milestone;

import java.time.Instant;
import java.util.List;

/** A check-in as callers see it. */
public record CheckInView(int sequence, CheckInStatus status, int progress, String comment, List<String> evidence,
        String author, Instant at) {

    public CheckInView {
        evidence = List.copyOf(evidence);
    }

    public static CheckInView of(CheckIn checkIn) {
        return new CheckInView(checkIn.sequence(), checkIn.status(), checkIn.progress(), checkIn.comment(),
                checkIn.evidence(), checkIn.author(), checkIn.at());
    }
}
