package io.cxtracker.domain.alert.webhook;

import io.cxtracker.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Sends deliveries: each claimed one is signed, POSTed, and its attempt logged with the delivery's next state
 * ({@link RetrySchedule}). Not transactional on purpose: a claim commits before the receiver is called and the
 * attempt after it answers, so no database transaction waits on someone else's server, and a node that dies
 * mid-attempt leaves a claim that runs out for another node to take over.
 */
@ApplicationScoped
public class WebhookDispatcher {
    public static final String DELIVERY_HEADER = "X-CX-Delivery";
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    private final WebhookRepository webhooks;
    private final WebhookTransport transport;
    private final WebhookService service;
    private final WebhookSettings settings;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected WebhookDispatcher() {
        this(null, null, null, null, null);
    }

    @Inject
    public WebhookDispatcher(WebhookRepository webhooks, WebhookTransport transport, WebhookService service,
            WebhookSettings settings, Clock clock) {
        this.webhooks = webhooks;
        this.transport = transport;
        this.service = service;
        this.settings = settings;
        this.clock = clock;
    }

    /** One turn of the schedule: sends what is due, a batch at a time; returns how many attempts were made. */
    public int sendDue() {
        Instant claimed = clock.instant();
        List<DueDelivery> due = webhooks.claimDue(claimed, settings.batchSize(), settings.lease());
        // a send starts within half the lease, so it ends before the claim runs out and another node may take the
        // delivery over; what a slow receiver leaves unsent runs out and goes to a later turn
        Instant sendUntil = claimed.plus(settings.lease().dividedBy(2));
        int attempts = 0;
        for (DueDelivery delivery : due) {
            if (clock.instant().isAfter(sendUntil)) {
                int left = due.size() - attempts;
                LOG.info(() -> "webhook deliveries: the turn's sending time is up; " + left + " claimed ones wait for a later turn");
                break;
            }
            attempt(delivery);
            attempts++;
        }
        return attempts;
    }

    /**
     * A program admin's "send test": writes a test delivery and sends it now; a failed one is retried like any
     * other. Returns the delivery with its first attempt.
     */
    public DeliveryView sendTest(long webhookId) {
        long id = service.queueTest(webhookId);
        webhooks.claim(id, clock.instant(), settings.lease()).ifPresent(this::attempt);
        return webhooks.delivery(id).orElseThrow(() -> new NotFoundException("webhook delivery", String.valueOf(id)));
    }

    void attempt(DueDelivery delivery) {
        byte[] body = WebhookPayload.of(delivery, settings.publicUrl());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(DELIVERY_HEADER, delivery.deliveryKey().toString());
        headers.put(WebhookSignature.HEADER, WebhookSignature.of(delivery.secret(), body));
        DeliveryOutcome outcome = transport.post(delivery.url(), headers, body);
        Instant at = clock.instant();
        int made = delivery.attempts() + 1;
        if (outcome.delivered()) {
            webhooks.recordAttempt(delivery, at, outcome, DeliveryState.DELIVERED, null);
            return;
        }
        var wait = settings.retries().waitAfter(made);
        // the URL may carry a receiver's token (Slack's and Teams' do): the log names the webhook, not where it points
        LOG.info(() -> delivery + ": attempt " + made + " failed (" + (outcome.statusCode() != null
                ? "HTTP " + outcome.statusCode() : outcome.error()) + ")" + (wait.isPresent()
                ? ", next in " + wait.get() : ", dead after " + made + " attempts"));
        webhooks.recordAttempt(delivery, at, outcome, wait.isPresent() ? DeliveryState.PENDING : DeliveryState.DEAD,
                wait.map(at::plus).orElse(null));
    }
}
