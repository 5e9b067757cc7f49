package io.cxtracker.persistence.alert.mail;

import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.Audience;
import io.cxtracker.domain.alert.mail.MailAlert;
import io.cxtracker.domain.alert.mail.MailRepository;
import io.cxtracker.domain.alert.mail.Recipient;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The e-mail outbox over JDBC, outside any transaction (autocommit, one statement each where it matters): an
 * expansion's mark and deliveries are one statement, so an alert is expanded whole or not at all; a claim commits
 * before the mail server is called, so the lease is visible to other nodes while the mail is on its way.
 */
@ApplicationScoped
public class JdbcMailRepository implements MailRepository {
    private static final String UNEXPANDED = """
            SELECT a.id, a.kind, a.subject_type, a.subject_id, a.audience, a.period, a.actor, a.created_at
            FROM alert a
            WHERE NOT EXISTS (SELECT 1 FROM mail_expansion e WHERE e.alert_id = a.id)
            ORDER BY a.id LIMIT ?""";
    /** Only the alerts this statement marks get deliveries: another node's concurrent expansion writes none twice. */
    private static final String EXPAND = """
            WITH marked AS (
                INSERT INTO mail_expansion (alert_id, expanded_at)
                SELECT DISTINCT unnest(?::bigint[]), ?::timestamptz
                ON CONFLICT (alert_id) DO NOTHING
                RETURNING alert_id),
            d AS (
                SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::boolean[],
                                     ?::timestamptz[], ?::varchar[])
                    AS d(alert_id, user_name, address, display_name, dedup_key, bundled, due_at, message_id))
            INSERT INTO mail_delivery (alert_id, user_name, address, display_name, dedup_key, bundled, due_at, message_id,
                state, next_attempt_at)
            SELECT d.alert_id, d.user_name, d.address, d.display_name, d.dedup_key, d.bundled, d.due_at, d.message_id,
                   'PENDING', d.due_at
            FROM d JOIN marked m ON m.alert_id = d.alert_id
            ON CONFLICT DO NOTHING""";
    /**
     * Locks the due, unclaimed deliveries (skipping those another node is claiming), takes the first {@code limit}
     * mails among them — an immediate delivery is a mail of its own, a person's bundled deliveries of one due time and
     * Message-ID are one — and leases every delivery of those mails.
     */
    private static final String CLAIM = """
            WITH due AS (
                SELECT d.id, d.next_attempt_at,
                       CASE WHEN d.bundled THEN 'b ' || d.user_name || ' ' || d.due_at::text || ' ' || coalesce(d.message_id, '')
                            ELSE 'i ' || d.id END AS mail
                FROM mail_delivery d
                WHERE d.state = 'PENDING' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?)
                FOR UPDATE SKIP LOCKED),
            chosen AS (
                SELECT mail FROM due GROUP BY mail ORDER BY min(next_attempt_at), min(id) LIMIT ?),
            claimed AS (
                UPDATE mail_delivery m SET lease_until = ?
                FROM due JOIN chosen ON chosen.mail = due.mail
                WHERE m.id = due.id
                RETURNING m.id, m.alert_id, m.user_name, m.address, m.display_name, m.bundled, m.due_at, m.message_id,
                          m.attempts, due.mail)
            SELECT c.mail, c.id, c.user_name, c.address, c.display_name, c.bundled, c.due_at, c.message_id, c.attempts,
                   a.id, a.kind, a.title, a.body, a.link, a.created_at
            FROM claimed c JOIN alert a ON a.id = c.alert_id
            ORDER BY c.mail, a.created_at, a.id""";
    private static final String SEQUENCE = """
            SELECT count(DISTINCT message_id) FROM mail_delivery
            WHERE user_name = ? AND due_at = ? AND bundled AND message_id IS NOT NULL""";
    private static final String NAME_BUNDLE = """
            UPDATE mail_delivery SET message_id = ? WHERE id = ANY (?) AND message_id IS NULL AND lease_until = ?""";
    /** Only if nobody recorded an attempt since the claim (the attempt count is as read): a late node changes nothing. */
    private static final String SENT = """
            UPDATE mail_delivery SET state = 'SENT', sent_at = ?, attempts = attempts + 1, next_attempt_at = NULL,
                lease_until = NULL, last_error = NULL
            WHERE id = ANY (?) AND state = 'PENDING' AND attempts = ?""";
    private static final String FAILED = """
            UPDATE mail_delivery SET state = ?, attempts = attempts + 1, next_attempt_at = ?, lease_until = NULL,
                last_error = ?
            WHERE id = ANY (?) AND state = 'PENDING' AND attempts = ?""";
    private static final int ERROR_MAX_LENGTH = 500;

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    /** For CDI. */
    public JdbcMailRepository() {
    }

    public JdbcMailRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<UnexpandedAlert> unexpanded(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(UNEXPANDED)) {
            select.setInt(1, limit);
            List<UnexpandedAlert> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new UnexpandedAlert(rs.getLong(1), AlertKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getLong(4), new Audience(rs.getString(5)), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the alerts to expand into e-mails failed", e);
        }
    }

    @Override
    public int expand(Collection<Long> alertIds, List<NewDelivery> deliveries, Instant at) {
        if (alertIds.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(EXPAND)) {
            insert.setArray(1, c.createArrayOf("bigint", alertIds.toArray()));
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setArray(3, c.createArrayOf("bigint", deliveries.stream().map(NewDelivery::alertId).toArray()));
            insert.setArray(4, c.createArrayOf("varchar", deliveries.stream().map(d -> d.recipient().userName()).toArray()));
            insert.setArray(5, c.createArrayOf("varchar", deliveries.stream().map(d -> d.recipient().address()).toArray()));
            insert.setArray(6, c.createArrayOf("varchar", deliveries.stream().map(d -> d.recipient().displayName()).toArray()));
            insert.setArray(7, c.createArrayOf("varchar", deliveries.stream().map(NewDelivery::dedupKey).toArray()));
            insert.setArray(8, c.createArrayOf("boolean", deliveries.stream().map(NewDelivery::bundled).toArray()));
            insert.setArray(9, c.createArrayOf("varchar", deliveries.stream().map(d -> d.dueAt().toString()).toArray()));
            insert.setArray(10, c.createArrayOf("varchar", deliveries.stream().map(NewDelivery::messageId).toArray()));
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("expanding " + alertIds.size() + " alerts into e-mail deliveries failed", e);
        }
    }

    @Override
    public List<ClaimedMail> claimDue(Instant now, int limit, Duration lease, BundleNaming naming) {
        Timestamp until = Timestamp.from(now.plus(lease));
        Map<String, Claimed> mails = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                claim.setTimestamp(1, Timestamp.from(now));
                claim.setTimestamp(2, Timestamp.from(now));
                claim.setInt(3, limit);
                claim.setTimestamp(4, until);
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        Claimed mail = mails.computeIfAbsent(rs.getString(1), key -> new Claimed());
                        mail.ids.add(rs.getLong(2));
                        mail.recipient = new Recipient(rs.getString(3), rs.getString(4), rs.getString(5));
                        mail.bundled = rs.getBoolean(6);
                        mail.dueAt = rs.getTimestamp(7).toInstant();
                        mail.messageId = rs.getString(8);
                        mail.attempts = Math.max(mail.attempts, rs.getInt(9));
                        mail.alerts.add(new MailAlert(rs.getLong(10), AlertKind.valueOf(rs.getString(11)), rs.getString(12),
                                rs.getString(13), rs.getString(14), rs.getTimestamp(15).toInstant()));
                    }
                }
            }
            List<ClaimedMail> claimed = new ArrayList<>();
            for (Claimed mail : mails.values()) {
                if (mail.messageId == null) {
                    mail.messageId = nameBundle(c, mail, until, naming);
                }
                claimed.add(new ClaimedMail(mail.ids, mail.recipient, mail.bundled, mail.dueAt, mail.messageId,
                        mail.attempts, mail.alerts));
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming e-mail deliveries failed", e);
        }
    }

    /** A bundle's first claim names it: the person's first of that due time, or the next number after those sent. */
    private static String nameBundle(Connection c, Claimed mail, Timestamp until, BundleNaming naming) throws SQLException {
        int earlier;
        try (PreparedStatement count = c.prepareStatement(SEQUENCE)) {
            count.setString(1, mail.recipient.userName());
            count.setTimestamp(2, Timestamp.from(mail.dueAt));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                earlier = rs.getInt(1);
            }
        }
        String messageId = naming.messageId(mail.recipient.userName(), mail.dueAt, earlier + 1);
        try (PreparedStatement name = c.prepareStatement(NAME_BUNDLE)) {
            name.setString(1, messageId);
            name.setArray(2, c.createArrayOf("bigint", mail.ids.toArray()));
            name.setTimestamp(3, until);
            name.executeUpdate();
        }
        return messageId;
    }

    @Override
    public void markSent(ClaimedMail mail, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(SENT)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setArray(2, c.createArrayOf("bigint", mail.deliveryIds().toArray()));
            update.setInt(3, mail.attempts());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("marking " + mail + " sent failed", e);
        }
    }

    @Override
    public void recordFailure(ClaimedMail mail, Instant at, String error, Instant nextAttempt) {
        String reason = error == null || error.isBlank() ? "no answer" : error;
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(FAILED)) {
            update.setString(1, nextAttempt == null ? "DEAD" : "PENDING");
            update.setTimestamp(2, nextAttempt == null ? null : Timestamp.from(nextAttempt));
            update.setString(3, reason.length() <= ERROR_MAX_LENGTH ? reason : reason.substring(0, ERROR_MAX_LENGTH - 1) + "…");
            update.setArray(4, c.createArrayOf("bigint", mail.deliveryIds().toArray()));
            update.setInt(5, mail.attempts());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording a failed attempt of " + mail + " failed", e);
        }
    }

    /** A mail being put together from the claim's rows. */
    private static final class Claimed {
        final List<Long> ids = new ArrayList<>();
        final List<MailAlert> alerts = new ArrayList<>();
        Recipient recipient;
        boolean bundled;
        Instant dueAt;
        String messageId;
        int attempts;
    }
}
