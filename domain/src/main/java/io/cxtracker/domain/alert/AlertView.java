package io.cxtracker.domain.alert;

import java.time.Instant;

/** An alert as its reader sees it in the inbox. */
public record AlertView(long id, AlertKind kind, String title, String body, String link, Instant createdAt,
        boolean read) {
}
