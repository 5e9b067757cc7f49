package io.cxtracker.api.milestone;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.CheckInView;
import java.time.Instant;
import java.util.List;

/** A check-in: append-only, numbered from 1 per milestone. */
public record CheckInResponse(int sequence, CheckInStatus status, int progress, String comment, List<String> evidence,
        String author, Instant at) {

    static CheckInResponse of(CheckInView c) {
        return new CheckInResponse(c.sequence(), c.status(), c.progress(), c.comment(), c.evidence(), c.author(), c.at());
    }
}
