package io.cxtracker.api.webhook;

import io.cxtracker.domain.alert.webhook.WebhookService;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a registration: the only one that carries the secret. */
@Schema(description = "A webhook just registered, with the secret that signs its deliveries: shown this once")
public record RegisteredWebhookResponse(long id, long programId, String url, List<String> kinds, boolean enabled,
        long version, String createdBy, Instant createdAt,
        @Schema(description = "the HMAC-SHA256 key of X-CX-Signature (its UTF-8 bytes); store it now, it is never "
                + "answered again") String secret) {

    static RegisteredWebhookResponse of(WebhookService.Registered registered) {
        WebhookResponse w = WebhookResponse.of(registered.webhook());
        return new RegisteredWebhookResponse(w.id(), w.programId(), w.url(), w.kinds(), w.enabled(), w.version(),
                w.createdBy(), w.createdAt(), registered.secret());
    }

    /** The secret stays out of logs. */
    @Override
    public String toString() {
        return "webhook " + id;
    }
}
