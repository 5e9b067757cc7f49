package io.cxtracker.api.webhook;

import io.cxtracker.domain.alert.webhook.Webhook;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as program admins read it: never its secret. */
@Schema(description = "A receiver of a program's alerts (its secret is never answered after creation)")
public record WebhookResponse(long id, long programId, String url, List<String> kinds, boolean enabled, long version,
        String createdBy, Instant createdAt) {

    static WebhookResponse of(Webhook webhook) {
        return new WebhookResponse(webhook.id(), webhook.programId(), webhook.url().toString(),
                webhook.kinds().stream().map(Enum::name).sorted().toList(), webhook.enabled(), webhook.version(),
                webhook.createdBy(), webhook.createdAt());
    }
}
