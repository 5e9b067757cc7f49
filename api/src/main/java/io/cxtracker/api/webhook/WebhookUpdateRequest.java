package io.cxtracker.api.webhook;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.webhook.Webhook;
import io.cxtracker.domain.alert.webhook.WebhookDraft;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/webhooks/{id}}: every field, as it should be from now on (the secret stays). */
@Schema(description = "A webhook's URL, kinds and switch, replaced")
public record WebhookUpdateRequest(
        @Schema(description = WebhookDraft.URL_RULE)
        @NotNull(message = "is required")
        @Size(max = Webhook.URL_MAX_LENGTH, message = "must be at most " + Webhook.URL_MAX_LENGTH + " characters")
        String url,
        @Schema(description = "the alert kinds it receives, each " + AlertKind.RULE)
        @NotNull(message = "is required")
        @Size(min = 1, max = 8, message = "must name 1 to 8 kinds")
        List<@Size(max = 30, message = "must be " + AlertKind.RULE) String> kinds,
        @NotNull(message = "is required") Boolean enabled) implements JsonBody {

    WebhookDraft draft() {
        return new WebhookDraft(url, kinds, enabled);
    }
}
