package io.cxtracker.domain.alert;

import io.cxtracker.domain.alert.webhook.WebhookRepository;
import io.cxtracker.domain.milestone.ApprovalRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Stores the alerts of a change in the change's own transaction (a transactional outbox): the observer is
 * synchronous, so a request filed means its alert is stored, and a request rolled back leaves no alert. The
 * alert's webhook deliveries are written in the same transaction, so a stored alert is never left undelivered.
 */
@ApplicationScoped
public class AlertOutbox {
    private final AlertRepository alerts;
    private final WebhookRepository webhooks;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected AlertOutbox() {
        this(null, null, null);
    }

    @Inject
    public AlertOutbox(AlertRepository alerts, WebhookRepository webhooks, Clock clock) {
        this.alerts = alerts;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    void onApprovalRequested(@Observes ApprovalRequested request) {
        store(new ApprovalWaitingRule().evaluate(request), clock.instant());
    }

    /**
     * Stores the alerts whose dedup key is new and writes their webhook deliveries, in the caller's transaction.
     *
     * @return how many alerts were new
     */
    public int store(List<NewAlert> raised, Instant at) {
        int stored = alerts.store(raised, at);
        webhooks.enqueue(raised, at);
        return stored;
    }
}
