package io.cxtracker.domain.alert.webhook;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * A program's webhooks, set up by program admins only (reading them included: a URL may carry a receiver's token,
 * and the delivery log shows what the program's alerts said). Every write is audited without the secret, which is
 * answered once, by {@link #register}.
 */
@ApplicationScoped
@Transactional
public class WebhookService {
    private final WebhookRepository webhooks;
    private final ProgramRepository programs;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditRecorder audit;

    /** A webhook just registered, with its secret: the only time anyone sees it. */
    public record Registered(Webhook webhook, String secret) {
        @Override
        public String toString() {
            return "webhook " + webhook.id();
        }
    }

    /** For the CDI proxy only. */
    protected WebhookService() {
        this(null, null, null, null, null);
    }

    @Inject
    public WebhookService(WebhookRepository webhooks, ProgramRepository programs, CurrentUser currentUser, Clock clock,
            AuditRecorder audit) {
        this.webhooks = webhooks;
        this.programs = programs;
        this.currentUser = currentUser;
        this.clock = clock;
        this.audit = audit;
    }

    public Page<Webhook> list(Long programId, PageRequest page) {
        requireAdmin("read webhooks");
        return webhooks.list(programId, page);
    }

    public Webhook get(long id) {
        requireAdmin("read webhooks");
        return existing(id);
    }

    public Page<DeliveryView> deliveries(long id, PageRequest page) {
        requireAdmin("read webhook deliveries");
        existing(id);
        return webhooks.deliveries(id, page);
    }

    /** Registers a webhook for the program with a new secret; a missing {@code enabled} means on. */
    public Registered register(Long programId, WebhookDraft draft) {
        requireAdmin("register webhooks");
        Violations violations = new Violations();
        violations.check(programId != null, "programId", "must be given");
        WebhookDraft.Valid valid = draft.validate(violations, Boolean.TRUE);
        violations.throwIfAny();
        programs.findById(programId).orElseThrow(() -> new NotFoundException("program", String.valueOf(programId)));
        String secret = WebhookSecret.generate();
        Webhook added = webhooks.add(programId, valid, secret, currentUser.name(), clock.instant());
        audit.record(AuditEntry.of("webhook", added.id(), AuditEntry.CREATE).created(added.auditFields()));
        return new Registered(added, secret);
    }

    /** Replaces the URL, kinds and enabled flag, if the caller saw the current version. */
    public Webhook revise(long id, long expectedVersion, WebhookDraft draft) {
        requireAdmin("change webhooks");
        Violations violations = new Violations();
        WebhookDraft.Valid valid = draft.validate(violations, null);
        violations.throwIfAny();
        Webhook before = existing(id);
        ConcurrentUpdateException.requireVersion("webhook", id, expectedVersion, before.version());
        Webhook after = webhooks.revise(id, expectedVersion, valid)
                .orElseThrow(() -> new ConcurrentUpdateException("webhook", String.valueOf(id), null));
        audit.record(AuditEntry.of("webhook", id, AuditEntry.UPDATE).changes(before.auditFields(), after.auditFields()));
        return after;
    }

    /** Removes the webhook and its delivery log; nothing more is sent to it. */
    public void remove(long id, long expectedVersion) {
        requireAdmin("remove webhooks");
        Webhook before = existing(id);
        ConcurrentUpdateException.requireVersion("webhook", id, expectedVersion, before.version());
        if (!webhooks.remove(id, expectedVersion)) {
            throw new ConcurrentUpdateException("webhook", String.valueOf(id), null);
        }
        AuditEntry.Builder entry = AuditEntry.of("webhook", id, AuditEntry.DELETE);
        before.auditFields().forEach(entry::removed);
        audit.record(entry);
    }

    /**
     * Writes a test delivery for the webhook (also when it is disabled: the admin checks the receiver before
     * switching it on); {@link WebhookDispatcher#sendTest} sends it at once, after this transaction.
     */
    public long queueTest(long id) {
        requireAdmin("test webhooks");
        Webhook webhook = existing(id);
        long delivery = webhooks.enqueueTest(webhook, currentUser.name(), clock.instant());
        audit.record(AuditEntry.of("webhook", id, "test-send").set("delivery", delivery));
        return delivery;
    }

    private Webhook existing(long id) {
        return webhooks.find(id).orElseThrow(() -> new NotFoundException("webhook", String.valueOf(id)));
    }

    private void requireAdmin(String action) {
        Authority.requireProgramAdmin(currentUser, action);
    }
}
