package io.cxtracker.domain.alert;

import io.cxtracker.domain.milestone.ApprovalRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Stores the alerts of a change in the change's own transaction (a transactional outbox): the observer is
 * synchronous, so a request filed means its alert is stored, and a request rolled back leaves no alert.
 */
@ApplicationScoped
public class AlertOutbox {
    private final AlertRepository alerts;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected AlertOutbox() {
        this(null, null);
    }

    @Inject
    public AlertOutbox(AlertRepository alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    void onApprovalRequested(@Observes ApprovalRequested request) {
        alerts.store(new ApprovalWaitingRule().evaluate(request), clock.instant());
    }
}
