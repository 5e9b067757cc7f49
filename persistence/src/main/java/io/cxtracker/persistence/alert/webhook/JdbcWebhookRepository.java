package io.cxtracker.persistence.alert.webhook;

import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.NewAlert;
import io.cxtracker.domain.alert.webhook.DeliveryOutcome;
import io.cxtracker.domain.alert.webhook.DeliveryState;
import io.cxtracker.domain.alert.webhook.DeliveryView;
import io.cxtracker.domain.alert.webhook.DueDelivery;
import io.cxtracker.domain.alert.webhook.Webhook;
import io.cxtracker.domain.alert.webhook.WebhookDraft;
import io.cxtracker.domain.alert.webhook.WebhookPayload;
import io.cxtracker.domain.alert.webhook.WebhookRepository;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Webhooks and their deliveries over JDBC, on the JTA datasource: {@link #enqueue} runs in the alert's transaction;
 * claims and attempts run outside any (autocommit, one statement each), so the lease is visible to other nodes
 * before the receiver is called and an attempt is logged whole or not at all.
 */
@ApplicationScoped
public class JdbcWebhookRepository implements WebhookRepository {
    private static final String WEBHOOK_COLUMNS = "id, program_id, url, kinds, enabled, version, created_by, created_at";
    /**
     * The programs each just-stored alert concerns, with what its payload says of the subject: a milestone's program
     * is its initiative's; an approval request's its milestone's; a target's and a commitment's those of the
     * milestones they are linked to (none: no program hears of it); a digest's the program itself. An alert stored
     * once per audience is taken once (its first row).
     */
    private static final String ENQUEUE = """
            WITH raised AS (
                SELECT DISTINCT ON (a.kind, a.subject_type, a.subject_id, a.period) a.*
                FROM alert a
                JOIN unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[]) AS r(kind, subject_type, subject_id, period)
                  ON a.kind = r.kind AND a.subject_type = r.subject_type AND a.subject_id = r.subject_id AND a.period = r.period
                ORDER BY a.kind, a.subject_type, a.subject_id, a.period, a.id),
            about (alert_id, program_id, subject_title, department, due_day, status) AS (
                SELECT r.id, i.program_id, m.title, d.code, m.due_date,
                       coalesce(m.override_status, m.reported_status, 'NOT_STARTED')
                FROM raised r JOIN milestone m ON m.id = r.subject_id JOIN initiative i ON i.id = m.initiative_id
                JOIN department d ON d.id = m.owner_department_id
                WHERE r.subject_type = 'milestone'
              UNION
                SELECT r.id, i.program_id, m.title, d.code, m.due_date, 'WAITING_FOR_APPROVAL'
                FROM raised r JOIN approval_request q ON q.id = r.subject_id JOIN milestone m ON m.id = q.milestone_id
                JOIN initiative i ON i.id = m.initiative_id JOIN department d ON d.id = m.owner_department_id
                WHERE r.subject_type = 'approval-request'
              UNION
                SELECT r.id, i.program_id, mt.name, d.code, t.due_date, w.state
                FROM raised r JOIN target t ON t.id = r.subject_id JOIN metric mt ON mt.id = t.metric_id
                LEFT JOIN department d ON d.id = t.department_id LEFT JOIN alert_target_watch w ON w.target_id = t.id
                JOIN milestone_target l ON l.target_id = t.id JOIN milestone m ON m.id = l.milestone_id
                JOIN initiative i ON i.id = m.initiative_id
                WHERE r.subject_type = 'target'
              UNION
                SELECT r.id, i.program_id, c.title, d.code, c.due_date, c.state
                FROM raised r JOIN commitment c ON c.id = r.subject_id JOIN department d ON d.id = c.owner_department_id
                JOIN commitment_milestone l ON l.commitment_id = c.id JOIN milestone m ON m.id = l.milestone_id
                JOIN initiative i ON i.id = m.initiative_id
                WHERE r.subject_type = 'commitment'
              UNION
                SELECT r.id, p.id, p.name, NULL, NULL::date, NULL
                FROM raised r JOIN program p ON p.id = r.subject_id
                WHERE r.subject_type = 'program')
            INSERT INTO webhook_delivery (webhook_id, delivery_key, dedup_key, alert_id, kind, subject_type, subject_id,
                subject_title, title, body, link, program_id, department, due_day, status, raised_at, state, next_attempt_at)
            SELECT w.id, gen_random_uuid(), r.kind || '/' || r.subject_type || ':' || r.subject_id || '/' || r.period, r.id,
                   r.kind, r.subject_type, r.subject_id, left(x.subject_title, 300), r.title, r.body, r.link, x.program_id,
                   x.department, x.due_day, x.status, r.created_at, 'PENDING', ?
            FROM about x JOIN raised r ON r.id = x.alert_id
            JOIN webhook w ON w.program_id = x.program_id AND w.enabled AND r.kind = ANY (w.kinds)
                 AND w.created_at <= r.created_at
            ON CONFLICT ON CONSTRAINT webhook_delivery_dedup_uk DO NOTHING""";
    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE webhook_delivery d SET leased_until = ?
                WHERE d.id IN (
                    SELECT c.id FROM webhook_delivery c JOIN webhook w ON w.id = c.webhook_id
                    WHERE c.state = 'PENDING' AND c.next_attempt_at <= ? AND (c.leased_until IS NULL OR c.leased_until < ?)
                      AND %s
                    ORDER BY c.next_attempt_at, c.id LIMIT ? FOR UPDATE OF c SKIP LOCKED)
                RETURNING d.*)
            SELECT c.id, c.delivery_key, c.webhook_id, w.url, w.secret, c.attempts, c.kind, c.subject_type, c.subject_id,
                   c.subject_title, c.title, c.body, c.link, c.program_id, p.name, c.department, c.due_day, c.status,
                   c.raised_at
            FROM claimed c JOIN webhook w ON w.id = c.webhook_id JOIN program p ON p.id = c.program_id
            ORDER BY c.id""";
    /** Moves the delivery on and logs the attempt, only if nobody logged one since the claim (its count is as read). */
    private static final String RECORD = """
            WITH moved AS (
                UPDATE webhook_delivery SET state = ?, attempts = attempts + 1, next_attempt_at = ?, leased_until = NULL
                WHERE id = ? AND attempts = ?
                RETURNING id, attempts)
            INSERT INTO webhook_attempt (delivery_id, number, attempted_at, duration_ms, status_code, error)
            SELECT id, attempts, ?, ?, ?, ? FROM moved""";
    private static final String DELIVERY_COLUMNS = "id, delivery_key, kind, title, state, attempts, raised_at, next_attempt_at";

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    /** For CDI. */
    public JdbcWebhookRepository() {
    }

    public JdbcWebhookRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Webhook add(long programId, WebhookDraft.Valid draft, String secret, String createdBy, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO webhook (program_id, url, secret, kinds, enabled, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + WEBHOOK_COLUMNS)) {
            insert.setLong(1, programId);
            insert.setString(2, draft.url().toString());
            insert.setString(3, secret);
            insert.setArray(4, kinds(c, draft.kinds()));
            insert.setBoolean(5, draft.enabled());
            insert.setString(6, createdBy);
            insert.setTimestamp(7, Timestamp.from(at));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return webhook(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("registering a webhook for program " + programId + " failed", e);
        }
    }

    @Override
    public Optional<Webhook> find(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + WEBHOOK_COLUMNS + " FROM webhook WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(webhook(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading webhook " + id + " failed", e);
        }
    }

    @Override
    public Page<Webhook> list(Long programId, PageRequest page) {
        String where = " FROM webhook WHERE (?::bigint IS NULL OR program_id = ?)";
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT count(*)" + where)) {
                bindProgram(count, programId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Webhook> items = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + WEBHOOK_COLUMNS + where
                    + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                bindProgram(select, programId);
                select.setInt(3, page.limit());
                select.setInt(4, page.offset());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        items.add(webhook(rs));
                    }
                }
            }
            return new Page<>(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("listing webhooks failed", e);
        }
    }

    @Override
    public Optional<Webhook> revise(long id, long expectedVersion, WebhookDraft.Valid draft) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE webhook SET url = ?, kinds = ?, enabled = ?, version = version + 1 WHERE id = ? AND version = ? "
                        + "RETURNING " + WEBHOOK_COLUMNS)) {
            update.setString(1, draft.url().toString());
            update.setArray(2, kinds(c, draft.kinds()));
            update.setBoolean(3, draft.enabled());
            update.setLong(4, id);
            update.setLong(5, expectedVersion);
            try (ResultSet rs = update.executeQuery()) {
                return rs.next() ? Optional.of(webhook(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("revising webhook " + id + " failed", e);
        }
    }

    @Override
    public boolean remove(long id, long expectedVersion) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM webhook WHERE id = ? AND version = ?")) {
            delete.setLong(1, id);
            delete.setLong(2, expectedVersion);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("removing webhook " + id + " failed", e);
        }
    }

    @Override
    public int enqueue(Collection<NewAlert> alerts, Instant at) {
        if (alerts.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(ENQUEUE)) {
            insert.setArray(1, c.createArrayOf("varchar", alerts.stream().map(a -> a.kind().name()).toArray()));
            insert.setArray(2, c.createArrayOf("varchar", alerts.stream().map(NewAlert::subjectType).toArray()));
            insert.setArray(3, c.createArrayOf("bigint", alerts.stream().map(NewAlert::subjectId).toArray()));
            insert.setArray(4, c.createArrayOf("varchar", alerts.stream().map(NewAlert::period).toArray()));
            insert.setTimestamp(5, Timestamp.from(at));
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the webhook deliveries of " + alerts.size() + " alerts failed", e);
        }
    }

    @Override
    public long enqueueTest(Webhook webhook, String requestedBy, Instant at) {
        UUID key = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO webhook_delivery (webhook_id, delivery_key, dedup_key, kind, subject_type, subject_id,
                    subject_title, title, body, link, program_id, raised_at, state, next_attempt_at)
                VALUES (?, ?, ?, ?, 'webhook', ?, ?, ?, ?, 'webhooks', ?, ?, 'PENDING', ?) RETURNING id""")) {
            insert.setLong(1, webhook.id());
            insert.setObject(2, key);
            insert.setString(3, WebhookPayload.TEST_KIND + "/" + key);
            insert.setString(4, WebhookPayload.TEST_KIND);
            insert.setLong(5, webhook.id());
            insert.setString(6, "Webhook " + webhook.id());
            insert.setString(7, "Test delivery from CX Tracker");
            insert.setString(8, requestedBy + " sent this test to check the receiver; its headers and signature are "
                    + "those of every delivery.");
            insert.setLong(9, webhook.programId());
            insert.setTimestamp(10, Timestamp.from(at));
            insert.setTimestamp(11, Timestamp.from(at));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing a test delivery for webhook " + webhook.id() + " failed", e);
        }
    }

    @Override
    public List<DueDelivery> claimDue(Instant now, int limit, Duration lease) {
        return claim(CLAIM.formatted("w.enabled"), now, lease, limit, null);
    }

    @Override
    public Optional<DueDelivery> claim(long deliveryId, Instant now, Duration lease) {
        return claim(CLAIM.formatted("c.id = ?"), now, lease, 1, deliveryId).stream().findFirst();
    }

    private List<DueDelivery> claim(String sql, Instant now, Duration lease, int limit, Long deliveryId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement claim = c.prepareStatement(sql)) {
            int i = 1;
            claim.setTimestamp(i++, Timestamp.from(now.plus(lease)));
            claim.setTimestamp(i++, Timestamp.from(now));
            claim.setTimestamp(i++, Timestamp.from(now));
            if (deliveryId != null) {
                claim.setLong(i++, deliveryId);
            }
            claim.setInt(i, limit);
            List<DueDelivery> claimed = new ArrayList<>();
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new DueDelivery(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3),
                            URI.create(rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                            rs.getLong(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getLong(14), rs.getString(15), rs.getString(16),
                            rs.getObject(17, java.time.LocalDate.class), rs.getString(18), rs.getTimestamp(19).toInstant()));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming webhook deliveries failed", e);
        }
    }

    @Override
    public void recordAttempt(DueDelivery delivery, Instant at, DeliveryOutcome outcome, DeliveryState state,
            Instant nextAttempt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement record = c.prepareStatement(RECORD)) {
            record.setString(1, state.name());
            record.setTimestamp(2, nextAttempt == null ? null : Timestamp.from(nextAttempt));
            record.setLong(3, delivery.id());
            record.setInt(4, delivery.attempts());
            record.setTimestamp(5, Timestamp.from(at));
            record.setLong(6, outcome.took().toMillis());
            if (outcome.statusCode() == null) {
                record.setNull(7, Types.INTEGER);
            } else {
                record.setInt(7, outcome.statusCode());
            }
            record.setString(8, outcome.error());
            record.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("logging an attempt of " + delivery + " failed", e);
        }
    }

    @Override
    public Page<DeliveryView> deliveries(long webhookId, PageRequest page) {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM webhook_delivery WHERE webhook_id = ?")) {
                count.setLong(1, webhookId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT " + DELIVERY_COLUMNS
                    + " FROM webhook_delivery WHERE webhook_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")) {
                select.setLong(1, webhookId);
                select.setInt(2, page.limit());
                select.setInt(3, page.offset());
                return new Page<>(withAttempts(c, select), total);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the deliveries of webhook " + webhookId + " failed", e);
        }
    }

    @Override
    public Optional<DeliveryView> delivery(long deliveryId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE id = ?")) {
            select.setLong(1, deliveryId);
            return withAttempts(c, select).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("reading webhook delivery " + deliveryId + " failed", e);
        }
    }

    /** The deliveries the query selects, each with its attempts (one more query for all of them). */
    private static List<DeliveryView> withAttempts(Connection c, PreparedStatement select) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Timestamp next = rs.getTimestamp(8);
                rows.put(rs.getLong(1), new Object[] {rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        DeliveryState.valueOf(rs.getString(5)), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                        next == null ? null : next.toInstant()});
            }
        }
        Map<Long, List<DeliveryView.Attempt>> attempts = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            try (PreparedStatement log = c.prepareStatement("SELECT delivery_id, number, attempted_at, duration_ms, "
                    + "status_code, error FROM webhook_attempt WHERE delivery_id = ANY (?) ORDER BY delivery_id, number")) {
                log.setArray(1, c.createArrayOf("bigint", rows.keySet().toArray()));
                try (ResultSet rs = log.executeQuery()) {
                    while (rs.next()) {
                        int code = rs.getInt(5);
                        Integer status = rs.wasNull() ? null : code;
                        attempts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new DeliveryView.Attempt(
                                rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getLong(4), status, rs.getString(6)));
                    }
                }
            }
        }
        List<DeliveryView> views = new ArrayList<>();
        rows.forEach((id, r) -> views.add(new DeliveryView(id, (UUID) r[0], (String) r[1], (String) r[2],
                (DeliveryState) r[3], (int) r[4], (Instant) r[5], (Instant) r[6], attempts.getOrDefault(id, List.of()))));
        return views;
    }

    private static void bindProgram(PreparedStatement statement, Long programId) throws SQLException {
        if (programId == null) {
            statement.setNull(1, Types.BIGINT);
            statement.setNull(2, Types.BIGINT);
        } else {
            statement.setLong(1, programId);
            statement.setLong(2, programId);
        }
    }

    private static Array kinds(Connection c, Set<AlertKind> kinds) throws SQLException {
        return c.createArrayOf("varchar", kinds.stream().map(Enum::name).sorted().toArray());
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        Arrays.stream((Object[]) rs.getArray(4).getArray()).map(k -> AlertKind.valueOf((String) k)).forEach(kinds::add);
        return new Webhook(rs.getLong(1), rs.getLong(2), URI.create(rs.getString(3)), kinds, rs.getBoolean(5),
                rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
