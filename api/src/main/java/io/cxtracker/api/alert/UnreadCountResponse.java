package io.cxtracker.api.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The number on the bell. */
@Schema(description = "How many of the caller's alerts are unread")
public record UnreadCountResponse(long unread) {
}
