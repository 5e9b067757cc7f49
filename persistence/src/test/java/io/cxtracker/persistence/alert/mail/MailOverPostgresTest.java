package io.cxtracker.persistence.alert.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.Audience;
import io.cxtracker.domain.alert.NewAlert;
import io.cxtracker.domain.alert.mail.MailRepository.ClaimedMail;
import io.cxtracker.domain.alert.mail.MailRepository.NewDelivery;
import io.cxtracker.domain.alert.mail.MailRepository.UnexpandedAlert;
import io.cxtracker.domain.alert.mail.MessageIds;
import io.cxtracker.domain.alert.mail.Recipient;
import io.cxtracker.persistence.alert.JdbcAlertRepository;
import io.cxtracker.persistence.support.ConnectionSource;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The e-mail outbox over PostgreSQL, as the runtime role: an alert is expanded once, a person gets one delivery per
 * (kind, subject, period) whatever the number of audiences; a claimed mail is not claimed again until its lease runs
 * out, and then carries the same Message-ID; two nodes claiming at once share nothing; a person's bundled deliveries
 * of one due time are one mail, and a late one of the same time a second mail with its own number; a failure is
 * retried or dead.
 */
@ExtendWith(PostgresExtension.class)
class MailOverPostgresTest {
    private static final Instant NOW = Instant.parse("2026-03-20T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final MessageIds IDS = new MessageIds("cx.example");

    private final List<Long> subjects = new ArrayList<>();

    /** Stores alerts of one (kind, subject, period) for the audiences; returns their ids, expanding none. */
    private List<Long> alerts(TestDatabase db, AlertKind kind, String period, String... audiences) {
        long subject = System.nanoTime();
        subjects.add(subject);
        List<NewAlert> raised = new ArrayList<>();
        for (String audience : audiences) {
            raised.add(new NewAlert(kind, "milestone", subject, new Audience(audience), period, kind + " " + subject,
                    "body of " + subject, "milestones/" + subject, null));
        }
        new JdbcAlertRepository(ConnectionSource.of(db)).store(raised, NOW);
        List<Long> ids = new ArrayList<>();
        for (String audience : audiences) {
            ids.add(db.number("SELECT id FROM alert WHERE subject_id = " + subject + " AND audience = '" + audience + "'"));
        }
        return ids;
    }

    private static NewDelivery immediate(long alert, Recipient to, String dedup) {
        return new NewDelivery(alert, to, dedup, false, NOW, IDS.forAlert(alert, to.userName()));
    }

    private static NewDelivery bundled(long alert, Recipient to, String dedup, Instant due) {
        return new NewDelivery(alert, to, dedup, true, due, null);
    }

    private static List<ClaimedMail> mine(List<ClaimedMail> claimed, String user) {
        return claimed.stream().filter(c -> c.recipient().userName().equals(user)).toList();
    }

    @Test
    void anAlertIsExpandedOnceAndAPersonInTwoAudiencesGetsOneDelivery(TestDatabase db) {
        JdbcMailRepository mails = new JdbcMailRepository(ConnectionSource.of(db));
        String user = "lee" + System.nanoTime();
        Recipient lee = new Recipient(user, user + "@cx.example", "Lee");
        List<Long> ids = alerts(db, AlertKind.APPROVAL_WAITING, "p1", "role:program-admin", "role:executive");
        List<Long> waiting = mails.unexpanded(100_000).stream().map(UnexpandedAlert::id).toList();
        assertTrue(waiting.containsAll(ids), "new alerts wait to be expanded");

        String dedup = "APPROVAL_WAITING/milestone:" + subjects.getFirst() + "/p1";
        assertEquals(1, mails.expand(ids, List.of(immediate(ids.get(0), lee, dedup), immediate(ids.get(1), lee, dedup)), NOW));
        assertTrue(mails.unexpanded(100_000).stream().noneMatch(a -> ids.contains(a.id())));
        // a second expansion (another node, a retried turn) writes nothing
        assertEquals(0, mails.expand(ids, List.of(immediate(ids.get(0), lee, dedup)), NOW));
        assertEquals(1, db.number("SELECT count(*) FROM mail_delivery WHERE user_name = '" + user + "'"));
    }

    @Test
    void aClaimHoldsUntilItsLeaseRunsOutAndTheMailKeepsItsMessageIdWhenSentAgain(TestDatabase db) {
        JdbcMailRepository mails = new JdbcMailRepository(ConnectionSource.of(db));
        String user = "lee" + System.nanoTime();
        Recipient lee = new Recipient(user, user + "@cx.example", null);
        long alert = alerts(db, AlertKind.CHECK_IN_DUE, "p1", "leads:support").getFirst();
        mails.expand(List.of(alert), List.of(immediate(alert, lee, "d" + alert)), NOW);

        ClaimedMail first = mine(mails.claimDue(NOW, 1000, LEASE, IDS::forBundle), user).getFirst();
        assertEquals(IDS.forAlert(alert, user), first.messageId());
        assertEquals("CHECK_IN_DUE " + subjects.getFirst(), first.alerts().getFirst().title());
        assertEquals(List.of(), mine(mails.claimDue(NOW.plusSeconds(60), 1000, LEASE, IDS::forBundle), user));
        // the node died after sending, before marking: the lease runs out and the mail goes again, same Message-ID
        ClaimedMail again = mine(mails.claimDue(NOW.plus(LEASE).plusSeconds(1), 1000, LEASE, IDS::forBundle), user).getFirst();
        assertEquals(first.messageId(), again.messageId());
        assertEquals(first.deliveryIds(), again.deliveryIds());

        mails.markSent(again, NOW.plus(LEASE).plusSeconds(2));
        // the first node's late mark changes nothing more: the attempt it read is no longer the delivery's
        mails.markSent(first, NOW.plus(LEASE).plusSeconds(3));
        assertEquals(1, db.number("SELECT attempts FROM mail_delivery WHERE alert_id = " + alert));
        assertEquals("SENT", text(db, "SELECT state FROM mail_delivery WHERE alert_id = " + alert));
        assertEquals(List.of(), mine(mails.claimDue(NOW.plus(Duration.ofDays(1)), 1000, LEASE, IDS::forBundle), user));
    }

    @Test
    void twoNodesClaimingAtOnceShareNoMail(TestDatabase db) throws Exception {
        JdbcMailRepository mails = new JdbcMailRepository(ConnectionSource.of(db));
        String user = "many" + System.nanoTime();
        Recipient to = new Recipient(user, user + "@cx.example", null);
        List<Long> ids = new ArrayList<>();
        List<NewDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long alert = alerts(db, AlertKind.OVERDUE, "p" + i, "leads:support").getFirst();
            ids.add(alert);
            deliveries.add(immediate(alert, to, "d" + alert));
        }
        assertEquals(40, mails.expand(ids, deliveries, NOW));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<List<ClaimedMail>> claim = () -> mine(mails.claimDue(NOW, 30, LEASE, IDS::forBundle), user);
            List<Future<List<ClaimedMail>>> results = nodes.invokeAll(List.of(claim, claim));
            List<Long> claimed = new ArrayList<>();
            for (Future<List<ClaimedMail>> r : results) {
                r.get().forEach(c -> claimed.addAll(c.deliveryIds()));
            }
            assertEquals(claimed.stream().distinct().count(), claimed.size(), "a delivery claimed by both nodes");
        } finally {
            nodes.shutdown();
        }
    }

    @Test
    void aPersonsBundledDeliveriesOfOneDueTimeAreOneMailAndALateOneASecond(TestDatabase db) {
        JdbcMailRepository mails = new JdbcMailRepository(ConnectionSource.of(db));
        String user = "daily" + System.nanoTime();
        Recipient to = new Recipient(user, user + "@cx.example", null);
        Instant due = NOW.plus(Duration.ofHours(23));
        long a = alerts(db, AlertKind.OVERDUE, "p1", "leads:support").getFirst();
        long b = alerts(db, AlertKind.DUE_SOON, "p1", "leads:support").getFirst();
        mails.expand(List.of(a, b), List.of(bundled(a, to, "a" + a, due), bundled(b, to, "b" + b, due)), NOW);
        assertEquals(List.of(), mine(mails.claimDue(due.minusSeconds(1), 1000, LEASE, IDS::forBundle), user), "not due yet");

        List<ClaimedMail> claimed = mine(mails.claimDue(due, 1000, LEASE, IDS::forBundle), user);
        assertEquals(1, claimed.size());
        ClaimedMail bundle = claimed.getFirst();
        assertTrue(bundle.bundled());
        assertEquals(List.of(a, b), bundle.alerts().stream().map(m -> m.id()).toList());
        assertEquals(IDS.forBundle(user, due, 1), bundle.messageId());
        mails.markSent(bundle, due.plusSeconds(1));

        // an alert raised just before the digest time but expanded after its bundle went out
        long late = alerts(db, AlertKind.OVERDUE, "p2", "leads:support").getFirst();
        mails.expand(List.of(late), List.of(bundled(late, to, "l" + late, due)), due.plusSeconds(2));
        ClaimedMail second = mine(mails.claimDue(due.plusSeconds(3), 1000, LEASE, IDS::forBundle), user).getFirst();
        assertEquals(List.of(late), second.alerts().stream().map(m -> m.id()).toList());
        assertEquals(IDS.forBundle(user, due, 2), second.messageId());
    }

    @Test
    void aFailedAttemptIsRetriedWhenDueAndTheLastOneLeavesTheMailDead(TestDatabase db) {
        JdbcMailRepository mails = new JdbcMailRepository(ConnectionSource.of(db));
        String user = "smtp" + System.nanoTime();
        Recipient to = new Recipient(user, user + "@cx.example", null);
        long alert = alerts(db, AlertKind.CHECK_IN_DUE, "p1", "leads:support").getFirst();
        mails.expand(List.of(alert), List.of(immediate(alert, to, "d" + alert)), NOW);

        ClaimedMail first = mine(mails.claimDue(NOW, 1000, LEASE, IDS::forBundle), user).getFirst();
        mails.recordFailure(first, NOW.plusSeconds(1), "Connection refused", NOW.plusSeconds(61));
        assertEquals(List.of(), mine(mails.claimDue(NOW.plusSeconds(60), 1000, LEASE, IDS::forBundle), user));
        ClaimedMail second = mine(mails.claimDue(NOW.plusSeconds(61), 1000, LEASE, IDS::forBundle), user).getFirst();
        assertEquals(1, second.attempts());
        mails.recordFailure(second, NOW.plusSeconds(62), "Connection refused", null);
        assertEquals("DEAD", text(db, "SELECT state FROM mail_delivery WHERE alert_id = " + alert));
        assertEquals("Connection refused", text(db, "SELECT last_error FROM mail_delivery WHERE alert_id = " + alert));
        assertEquals(List.of(), mine(mails.claimDue(NOW.plus(Duration.ofDays(30)), 1000, LEASE, IDS::forBundle), user));
    }

    @Test
    void alertsStoredBeforeTheMigrationCountAsExpanded(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch("20")) {
            try (Connection c = scratch.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO alert (kind, subject_type, subject_id, audience, period, title, body, link, created_at) "
                        + "VALUES ('OVERDUE', 'milestone', 1, 'leads:support', 'p', 't', 'b', 'milestones/1', now())");
            }
            scratch.migrate(null);
            try (Connection c = scratch.connect(); Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT count(*) FROM alert a LEFT JOIN mail_expansion e ON e.alert_id = a.id "
                            + "WHERE e.alert_id IS NULL")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "an alert of before the upgrade waits to be mailed");
            }
        }
    }

    private static String text(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
