package io.cxtracker.domain.alert.mail;

import io.cxtracker.domain.alert.AlertChannel;
import io.cxtracker.domain.alert.AlertFrequency;
import io.cxtracker.domain.alert.AlertPreference;
import io.cxtracker.domain.alert.AlertPreferenceRepository;
import io.cxtracker.domain.alert.AlertPreferences;
import io.cxtracker.domain.alert.Audience;
import io.cxtracker.domain.alert.mail.MailRepository.ClaimedMail;
import io.cxtracker.domain.alert.mail.MailRepository.NewDelivery;
import io.cxtracker.domain.alert.mail.MailRepository.UnexpandedAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns stored alerts into e-mails and sends them, one scheduled turn at a time ({@link #turn}).
 *
 * <p>Expansion: each new alert's audience is resolved to people through the directory, and each person who chose
 * e-mail for the kind (and a frequency other than off) gets a delivery, due when {@link MailTiming} says; the alert's
 * mark and its deliveries are written in one statement. The directory not answering fails the step, and the alerts
 * wait for the next turn: the change that raised an alert never waits on it.
 *
 * <p>Sending: not transactional on purpose, as with webhooks. A claim commits before the mail server is called and the
 * outcome after it answers, so no database transaction waits on the mail server, and a node that dies between sending
 * and marking leaves a claim that runs out: the mail is sent once more, with the same Message-ID. A failure is tried
 * again on the {@link MailSettings#retries} schedule, and is dead after the last attempt.
 */
@ApplicationScoped
public class MailDispatcher {
    /** The line a fault script waits for before killing the server (local mode's hold-after-send only). */
    public static final String HOLD_LINE = "mail sent, holding before mark: ";
    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());
    private static final int EXPAND_BATCH = 200;

    private final MailRepository mails;
    private final MailDirectory directory;
    private final AlertPreferenceRepository preferences;
    private final MailTransport transport;
    private final MailSettings settings;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected MailDispatcher() {
        this(null, null, null, null, null, null);
    }

    @Inject
    public MailDispatcher(MailRepository mails, MailDirectory directory, AlertPreferenceRepository preferences,
            MailTransport transport, MailSettings settings, Clock clock) {
        this.mails = mails;
        this.directory = directory;
        this.preferences = preferences;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one turn did. */
    public record Turn(int alertsExpanded, int deliveriesWritten, int mailsSent, int mailsFailed) {
        public boolean idle() {
            return alertsExpanded == 0 && mailsSent == 0 && mailsFailed == 0;
        }
    }

    /** Expands the new alerts, then sends what is due. A directory that does not answer leaves expansion for later. */
    public Turn turn() {
        int[] expanded = {0, 0};
        try {
            expanded = expandNew();
        } catch (MailDirectory.DirectoryUnavailableException e) {
            LOG.warning(() -> "alert e-mails: the directory did not answer, the new alerts wait for the next turn: "
                    + e.getMessage());
        }
        int[] sent = sendDue();
        return new Turn(expanded[0], expanded[1], sent[0], sent[1]);
    }

    /** @return alerts expanded, deliveries written */
    int[] expandNew() {
        int alerts = 0;
        int written = 0;
        while (true) {
            List<UnexpandedAlert> batch = mails.unexpanded(EXPAND_BATCH);
            if (batch.isEmpty()) {
                return new int[] {alerts, written};
            }
            List<NewDelivery> deliveries = settings.enabled() ? deliveriesOf(batch) : List.of();
            written += mails.expand(batch.stream().map(UnexpandedAlert::id).toList(), deliveries, clock.instant());
            alerts += batch.size();
            if (batch.size() < EXPAND_BATCH) {
                return new int[] {alerts, written};
            }
        }
    }

    private List<NewDelivery> deliveriesOf(List<UnexpandedAlert> batch) {
        Map<Audience, List<Recipient>> members = new HashMap<>();
        Map<String, AlertPreferences> choices = new HashMap<>();
        List<NewDelivery> deliveries = new ArrayList<>();
        for (UnexpandedAlert alert : batch) {
            for (Recipient person : members.computeIfAbsent(alert.audience(), directory::members)) {
                if (person.userName().equals(alert.actor())) {
                    continue; // nobody is told of what they did themselves, as in the inbox
                }
                AlertPreference choice = choices.computeIfAbsent(person.userName(),
                        user -> new AlertPreferences(preferences.of(user))).of(alert.kind());
                if (choice.channel() != AlertChannel.EMAIL) {
                    continue;
                }
                Optional<Instant> due = settings.timing().dueAt(choice.frequency(), alert.raisedAt());
                if (due.isEmpty()) {
                    continue;
                }
                boolean bundled = choice.frequency() != AlertFrequency.IMMEDIATE;
                deliveries.add(new NewDelivery(alert.id(), person, alert.dedupKey(), bundled, due.get(),
                        bundled ? null : settings.messageIds().forAlert(alert.id(), person.userName())));
            }
        }
        return deliveries;
    }

    /** @return mails sent, mails failed */
    int[] sendDue() {
        int sent = 0;
        int failed = 0;
        Instant claimed = clock.instant();
        List<ClaimedMail> due = mails.claimDue(claimed, settings.batchSize(), settings.lease(),
                settings.messageIds()::forBundle);
        Instant sendUntil = claimed.plus(settings.sendingBudget());
        for (int i = 0; i < due.size(); i++) {
            if (clock.instant().isAfter(sendUntil)) {
                // a slow server ate the turn: the rest of the claim runs out unsent and a later turn takes it, rather
                // than this node sending mails another node may have claimed again by then
                int left = due.size() - i;
                LOG.info(() -> "alert e-mails: the turn's sending time is up; " + left + " claimed mails wait for a later turn");
                break;
            }
            if (attempt(due.get(i))) {
                sent++;
            } else {
                failed++;
            }
        }
        return new int[] {sent, failed};
    }

    boolean attempt(ClaimedMail mail) {
        MailMessage message = mail.bundled()
                ? AlertMail.bundle(mail.alerts(), mail.recipient(), mail.dueAt(), mail.messageId(), settings)
                : AlertMail.single(mail.alerts().getFirst(), mail.recipient(), mail.messageId(), settings);
        try {
            transport.send(message);
        } catch (MailTransport.MailNotSentException e) {
            Instant at = clock.instant();
            int made = mail.attempts() + 1;
            Optional<Duration> wait = settings.retries().waitAfter(made);
            LOG.warning(() -> mail + ": attempt " + made + " failed (" + e.getMessage() + ")"
                    + (wait.isPresent() ? ", next in " + wait.get() : ", dead after " + made + " attempts"));
            mails.recordFailure(mail, at, e.getMessage(), wait.map(at::plus).orElse(null));
            return false;
        }
        holdIfAsked(mail);
        mails.markSent(mail, clock.instant());
        return true;
    }

    private void holdIfAsked(ClaimedMail mail) {
        if (!settings.holds(mail.recipient())) {
            return;
        }
        Duration hold = settings.holdAfterSend();
        LOG.warning(HOLD_LINE + mail.messageId());
        try {
            Thread.sleep(hold.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
