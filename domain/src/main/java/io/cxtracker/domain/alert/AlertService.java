package io.cxtracker.domain.alert;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;

/**
 * The signed-in user's own inbox: the alerts addressed to their audiences ({@link Audience#of}) of the
 * kinds they did not silence, and their read marks. Everyone who reads the program has an inbox; a
 * machine client has none. Nobody reads another's inbox: there is no user parameter to ask with.
 */
@ApplicationScoped
@Transactional
public class AlertService {
    private final AlertRepository alerts;
    private final AlertPreferenceRepository preferences;
    private final AlertEvaluationService evaluation;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditRecorder audit;

    /** For the CDI proxy only. */
    protected AlertService() {
        this(null, null, null, null, null, null);
    }

    @Inject
    public AlertService(AlertRepository alerts, AlertPreferenceRepository preferences,
            AlertEvaluationService evaluation, CurrentUser currentUser, Clock clock, AuditRecorder audit) {
        this.alerts = alerts;
        this.preferences = preferences;
        this.evaluation = evaluation;
        this.currentUser = currentUser;
        this.clock = clock;
        this.audit = audit;
    }

    public Page<AlertView> inbox(boolean unreadOnly, PageRequest page) {
        requireInbox();
        return alerts.inbox(Audience.of(currentUser), heard(), currentUser.name(), unreadOnly, page);
    }

    public long unreadCount() {
        requireInbox();
        return alerts.unread(Audience.of(currentUser), heard(), currentUser.name());
    }

    /**
     * Marks one of the user's own alerts read (again is no change and records nothing); an alert addressed to
     * someone else is not found, so nobody learns what others are told.
     */
    public AlertView markRead(long id) {
        requireInbox();
        AlertView alert = alerts.find(id, Audience.of(currentUser), currentUser.name())
                .orElseThrow(() -> new NotFoundException("alert", String.valueOf(id)));
        if (alerts.markRead(id, currentUser.name(), clock.instant())) {
            audit.record(AuditEntry.of("alert", id, "read").set("reader", currentUser.name()));
        }
        return new AlertView(alert.id(), alert.kind(), alert.title(), alert.body(), alert.link(), alert.createdAt(), true);
    }

    /** Runs the scheduled rules now instead of at their next turn: program admins. */
    public AlertEvaluation evaluateNow() {
        Authority.requireProgramAdmin(currentUser, "run the alert rules");
        AlertEvaluation result = evaluation.evaluate();
        audit.record(AuditEntry.of("alert-evaluation", clock.instant().toEpochMilli(), AuditEntry.CREATE)
                .set("raised", result.raised()).set("stored", result.stored()));
        return result;
    }

    private Set<AlertKind> heard() {
        return new AlertPreferences(preferences.of(currentUser.name())).heard();
    }

    private void requireInbox() {
        Authority.requireCanReadProgram(currentUser, "alerts");
    }
}
