package io.cxtracker.domain.milestone;

import java.util.List;

/** What a lead reports; the author and the time come from the token and the clock. */
public record NewCheckIn(CheckInStatus status, Integer progress, String comment, List<String> evidence) {
}
