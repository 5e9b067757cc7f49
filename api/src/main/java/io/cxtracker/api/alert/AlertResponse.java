package io.cxtracker.api.alert;

import io.cxtracker.domain.alert.AlertView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One alert of the caller's inbox. */
@Schema(description = "An alert addressed to the caller (their departments' leads, or their role)")
public record AlertResponse(
        long id,
        @Schema(description = "CHECK_IN_DUE, DUE_SOON, OVERDUE, TARGET_STATUS, FORECAST_MISSING, COMMITMENT_OVERDUE, "
                + "APPROVAL_WAITING or WEEKLY_DIGEST") String kind,
        String title,
        String body,
        @Schema(description = "the application path of the item, relative to the application's root") String link,
        Instant createdAt,
        boolean read) {

    static AlertResponse of(AlertView view) {
        return new AlertResponse(view.id(), view.kind().name(), view.title(), view.body(), view.link(), view.createdAt(),
                view.read());
    }
}
