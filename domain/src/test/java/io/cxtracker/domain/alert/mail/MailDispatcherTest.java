package io.cxtracker.domain.alert.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.alert.AlertChannel;
import io.cxtracker.domain.alert.AlertFrequency;
import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.AlertPreference;
import io.cxtracker.domain.alert.AlertPreferenceRepository;
import io.cxtracker.domain.alert.Audience;
import io.cxtracker.domain.alert.webhook.RetrySchedule;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher over in-memory ports: each person of the audience who chose e-mail gets a delivery due by their
 * frequency, nobody else (and not the alert's actor); the directory not answering leaves the alerts for the next turn;
 * a refused mail is retried on the schedule and dies after the last attempt.
 */
class MailDispatcherTest {
    private static final Instant T0 = Instant.parse("2026-06-10T13:00:00Z");
    private static final Audience SUPPORT = Audience.leadsOf("support");

    static final class Memory implements MailRepository {
        final List<UnexpandedAlert> pending = new ArrayList<>();
        final List<NewDelivery> written = new ArrayList<>();
        final List<ClaimedMail> due = new ArrayList<>();
        final List<String> log = new ArrayList<>();

        @Override
        public List<UnexpandedAlert> unexpanded(int limit) {
            return List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
        }

        @Override
        public int expand(Collection<Long> alertIds, List<NewDelivery> deliveries, Instant at) {
            pending.removeIf(a -> alertIds.contains(a.id()));
            written.addAll(deliveries);
            return deliveries.size();
        }

        @Override
        public List<ClaimedMail> claimDue(Instant now, int limit, Duration lease, BundleNaming naming) {
            List<ClaimedMail> claimed = List.copyOf(due);
            due.clear();
            return claimed;
        }

        @Override
        public void markSent(ClaimedMail mail, Instant at) {
            log.add("sent " + mail.messageId());
        }

        @Override
        public void recordFailure(ClaimedMail mail, Instant at, String error, Instant nextAttempt) {
            log.add("failed " + (mail.attempts() + 1) + (nextAttempt == null ? " dead" : " next +"
                    + Duration.between(at, nextAttempt).toSeconds() + "s"));
        }
    }

    static final class Preferences implements AlertPreferenceRepository {
        final Map<String, List<AlertPreference>> byUser = new HashMap<>();

        @Override
        public List<AlertPreference> of(String user) {
            return byUser.getOrDefault(user, List.of());
        }

        @Override
        public void store(String user, List<AlertPreference> preferences) {
            byUser.put(user, preferences);
        }
    }

    private final Memory mails = new Memory();
    private final Preferences preferences = new Preferences();
    private final List<MailMessage> sent = new ArrayList<>();
    private boolean directoryDown;
    private boolean smtpDown;
    private final MailDirectory directory = audience -> {
        if (directoryDown) {
            throw new MailDirectory.DirectoryUnavailableException("connection refused", null);
        }
        return audience.equals(SUPPORT)
                ? List.of(new Recipient("lead-support", "lead-support@cx.example", "Lee"),
                        new Recipient("lead-in-app", "in-app@cx.example", null),
                        new Recipient("lead-daily", "daily@cx.example", null),
                        new Recipient("lead-off", "off@cx.example", null))
                : List.of();
    };
    private final MailTransport transport = message -> {
        if (smtpDown) {
            throw new MailTransport.MailNotSentException("Connection refused", null);
        }
        sent.add(message);
    };
    private final MailSettings settings = new MailSettings(true, URI.create("http://localhost:8080/"),
            new MessageIds("cx.example"), new MailTiming(ZoneOffset.UTC, LocalTime.of(7, 0)),
            new RetrySchedule(Duration.ofSeconds(30), 4, 3), 20, Duration.ofMinutes(2), Duration.ZERO, null);
    private final MailDispatcher dispatcher = new MailDispatcher(mails, directory, preferences, transport, settings,
            Clock.fixed(T0, ZoneOffset.UTC));

    private void prefer(String user, AlertChannel channel, AlertFrequency frequency) {
        preferences.store(user, List.of(new AlertPreference(AlertKind.CHECK_IN_DUE, channel, frequency)));
    }

    private static MailRepository.UnexpandedAlert checkInDue(long id, String actor) {
        return new MailRepository.UnexpandedAlert(id, AlertKind.CHECK_IN_DUE, "milestone", 12, SUPPORT, "2026-06-10", actor,
                T0);
    }

    @Test
    void eachPersonWhoChoseEmailGetsADeliveryDueByTheirFrequencyAndNobodyElse() {
        prefer("lead-support", AlertChannel.EMAIL, AlertFrequency.IMMEDIATE);
        prefer("lead-daily", AlertChannel.EMAIL, AlertFrequency.DAILY);
        prefer("lead-off", AlertChannel.EMAIL, AlertFrequency.OFF);
        // lead-in-app keeps the default: in the app, immediately
        mails.pending.add(checkInDue(5, null));

        MailDispatcher.Turn turn = dispatcher.turn();

        assertEquals(1, turn.alertsExpanded());
        assertEquals(List.of("lead-support IMMEDIATE " + T0 + " <alert-5.lead-support@cx.example>",
                "lead-daily BUNDLED 2026-06-11T07:00:00Z null"), mails.written.stream().map(d -> d.recipient().userName()
                + (d.bundled() ? " BUNDLED " : " IMMEDIATE ") + d.dueAt() + " " + d.messageId()).toList());
        assertEquals("CHECK_IN_DUE/milestone:12/2026-06-10", mails.written.getFirst().dedupKey());
        assertTrue(mails.pending.isEmpty());
    }

    @Test
    void theAlertsActorIsNotMailedAboutTheirOwnAction() {
        prefer("lead-support", AlertChannel.EMAIL, AlertFrequency.IMMEDIATE);
        mails.pending.add(checkInDue(6, "lead-support"));
        dispatcher.turn();
        assertEquals(List.of(), mails.written);
        assertTrue(mails.pending.isEmpty(), "expanded, with nobody to mail");
    }

    @Test
    void aDirectoryThatDoesNotAnswerLeavesTheAlertsForTheNextTurn() {
        prefer("lead-support", AlertChannel.EMAIL, AlertFrequency.IMMEDIATE);
        mails.pending.add(checkInDue(7, null));
        directoryDown = true;
        assertEquals(0, dispatcher.turn().alertsExpanded());
        assertEquals(1, mails.pending.size());
        directoryDown = false;
        assertEquals(1, dispatcher.turn().alertsExpanded());
        assertEquals(1, mails.written.size());
    }

    @Test
    void switchedOffTheAlertsAreExpandedWithoutDeliveries() {
        prefer("lead-support", AlertChannel.EMAIL, AlertFrequency.IMMEDIATE);
        MailSettings off = new MailSettings(false, settings.publicUrl(), settings.messageIds(), settings.timing(),
                settings.retries(), 20, settings.lease(), Duration.ZERO, null);
        mails.pending.add(checkInDue(8, null));
        new MailDispatcher(mails, directory, preferences, transport, off, Clock.fixed(T0, ZoneOffset.UTC)).turn();
        assertTrue(mails.pending.isEmpty());
        assertEquals(List.of(), mails.written);
    }

    @Test
    void aClaimedMailIsSentAndMarkedOrRetriedOnTheScheduleUntilDead() {
        MailAlert alert = new MailAlert(9, AlertKind.CHECK_IN_DUE, "Check-in due: M", "No check-in.", "milestones/12", T0);
        Recipient lee = new Recipient("lead-support", "lead-support@cx.example", "Lee");
        mails.due.add(new MailRepository.ClaimedMail(List.of(1L), lee, false, T0, "<alert-9.lead-support@cx.example>", 0,
                List.of(alert)));
        assertEquals(1, dispatcher.turn().mailsSent());
        assertEquals("<alert-9.lead-support@cx.example>", sent.getFirst().messageId());
        assertEquals("CX Tracker: Check-in due: M", sent.getFirst().subject());

        smtpDown = true;
        for (int attempts = 0; attempts < 3; attempts++) {
            mails.due.add(new MailRepository.ClaimedMail(List.of(2L), lee, true, T0, "<digest-x@cx.example>", attempts,
                    List.of(alert)));
            assertEquals(1, dispatcher.turn().mailsFailed());
        }
        assertEquals(List.of("sent <alert-9.lead-support@cx.example>", "failed 1 next +30s", "failed 2 next +120s",
                "failed 3 dead"), mails.log);
    }

    @Test
    void aTurnStartsNoSendOnceHalfTheLeaseHasPassedAndTheRestOfItsClaimRunsOutUnsent() {
        MailAlert alert = new MailAlert(9, AlertKind.CHECK_IN_DUE, "Check-in due: M", "No check-in.", "milestones/12", T0);
        Recipient lee = new Recipient("lead-support", "lead-support@cx.example", "Lee");
        for (long id = 1; id <= 3; id++) {
            mails.due.add(new MailRepository.ClaimedMail(List.of(id), lee, false, T0, "<alert-" + id + "@cx.example>", 0,
                    List.of(alert)));
        }
        // a slow SMTP server: each reading of the clock finds 35 s more gone; the lease is 2 min, so sends may start
        // until 60 s after the claim: the first (read at +35 s) starts, the second (read at +105 s, after the first's
        // mark at +70 s) does not
        Instant[] now = {T0};
        Clock slow = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant read = now[0];
                now[0] = now[0].plusSeconds(35);
                return read;
            }
        };
        MailDispatcher.Turn turn = new MailDispatcher(mails, directory, preferences, transport, settings, slow).turn();
        assertEquals(1, turn.mailsSent());
        assertEquals(List.of("sent <alert-1@cx.example>"), mails.log);
    }

    @Test
    void theFaultHookHoldsOnlyTheMailsOfItsRecipientWhenOneIsNamed() {
        Recipient lee = new Recipient("lead-support", "lead-support@cx.example", "Lee");
        Recipient mia = new Recipient("lead-marketing", "lead-marketing@cx.example", "Mia");
        MailSettings held = new MailSettings(true, settings.publicUrl(), settings.messageIds(), settings.timing(),
                settings.retries(), 20, settings.lease(), Duration.ofSeconds(30), "Lead-Marketing@cx.example");
        assertTrue(held.holds(mia));
        assertFalse(held.holds(lee));
        MailSettings everyone = new MailSettings(true, settings.publicUrl(), settings.messageIds(), settings.timing(),
                settings.retries(), 20, settings.lease(), Duration.ofSeconds(30), null);
        assertTrue(everyone.holds(lee));
        assertFalse(settings.holds(lee), "no hold without a duration");
        assertEquals(Duration.ofMinutes(1), settings.sendingBudget());
    }
}
