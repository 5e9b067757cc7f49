package io.cxtracker.api.alert;

import io.cxtracker.domain.alert.AlertPreference;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's choice for one kind. */
@Schema(description = "How the caller hears of one kind of alert")
public record AlertPreferenceResponse(
        String kind,
        @Schema(description = "IN_APP, EMAIL or OFF") String channel,
        @Schema(description = "IMMEDIATE, DAILY, WEEKLY or OFF") String frequency) {

    static AlertPreferenceResponse of(AlertPreference p) {
        return new AlertPreferenceResponse(p.kind().name(), p.channel().name(), p.frequency().name());
    }
}
