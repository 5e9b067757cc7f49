package io.cxtracker.api.alert;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.alert.AlertKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/alert-preferences}: the kinds named change, the others keep their choice. */
@Schema(description = "The caller's choices for some or all kinds of alert")
public record AlertPreferencesRequest(
        @NotNull(message = "is required")
        @Size(min = 1, max = 8, message = "must name 1 to 8 kinds")
        List<@NotNull(message = "must be a choice") @Valid Choice> preferences) implements JsonBody {

    /** One kind's choice; the names are checked by the domain, which names every bad one. */
    @Schema(description = "One kind's channel and frequency")
    public record Choice(
            @Schema(description = AlertKind.RULE) String kind,
            @Schema(description = "IN_APP, EMAIL or OFF") String channel,
            @Schema(description = "IMMEDIATE, DAILY, WEEKLY or OFF") String frequency) {
    }
}
