package io.cxtracker.persistence.alert.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.AlertOutbox;
import io.cxtracker.domain.alert.Audience;
import io.cxtracker.domain.alert.NewAlert;
import io.cxtracker.domain.alert.webhook.DeliveryOutcome;
import io.cxtracker.domain.alert.webhook.DeliveryState;
import io.cxtracker.domain.alert.webhook.DeliveryView;
import io.cxtracker.domain.alert.webhook.DueDelivery;
import io.cxtracker.domain.alert.webhook.Webhook;
import io.cxtracker.domain.alert.webhook.WebhookDraft;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.alert.JdbcAlertRepository;
import io.cxtracker.persistence.support.ConnectionSource;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhook outbox over PostgreSQL, as the runtime role: an alert stored for two audiences is one delivery per
 * enabled webhook of its program listening to its kind, written once however often it is raised; a claimed delivery
 * is not claimed again until its lease runs out; an attempt moves it on and is logged; removing the webhook removes
 * its log.
 */
@ExtendWith(PostgresExtension.class)
class WebhookOverPostgresTest {
    private static final Instant NOW = Instant.parse("2026-03-20T08:00:00Z");

    @Test
    void anAlertOfTheProgramIsDeliveredOncePerListeningWebhookAndLoggedPerAttempt(TestDatabase db) {
        long[] ids = new long[3];
        String[] owner = new String[1];
        db.run(em -> {
            Department support = Fixtures.department(em, "sup");
            Program program = Fixtures.program(em);
            Program other = Fixtures.program(em);
            Initiative initiative = Fixtures.initiative(em, program, 1, Pillar.MEASURE, support, Map.of());
            Milestone milestone = Fixtures.milestone(em, initiative, support, LocalDate.of(2026, 3, 18));
            em.flush();
            ids[0] = program.id();
            ids[1] = milestone.id();
            ids[2] = other.id();
            owner[0] = support.code().value();
        });
        JdbcWebhookRepository webhooks = new JdbcWebhookRepository(ConnectionSource.of(db));
        URI url = URI.create("http://127.0.0.1:9/hook");
        Webhook listening = webhooks.add(ids[0], new WebhookDraft.Valid(url, EnumSet.of(AlertKind.OVERDUE), true),
                "whsec_a", "admin", NOW.minusSeconds(60));
        Webhook otherKind = webhooks.add(ids[0], new WebhookDraft.Valid(url, EnumSet.of(AlertKind.DUE_SOON), true),
                "whsec_b", "admin", NOW.minusSeconds(60));
        Webhook off = webhooks.add(ids[0], new WebhookDraft.Valid(url, EnumSet.of(AlertKind.OVERDUE), false),
                "whsec_c", "admin", NOW.minusSeconds(60));
        Webhook otherProgram = webhooks.add(ids[2], new WebhookDraft.Valid(url, EnumSet.of(AlertKind.OVERDUE), true),
                "whsec_d", "admin", NOW.minusSeconds(60));

        AlertOutbox outbox = new AlertOutbox(new JdbcAlertRepository(ConnectionSource.of(db)), webhooks, Clock.fixed(NOW, ZoneOffset.UTC));
        List<NewAlert> raised = List.of("leads:" + owner[0], "role:executive").stream()
                .map(audience -> new NewAlert(AlertKind.OVERDUE, "milestone", ids[1], new Audience(audience), "2026-03-18",
                        "Overdue: M", "was due", "departments/" + owner[0], null)).toList();
        assertEquals(2, outbox.store(raised, NOW));
        assertEquals(0, outbox.store(raised, NOW.plusSeconds(900)));
        assertEquals(1, db.number("SELECT count(*) FROM webhook_delivery WHERE webhook_id IN (" + listening.id() + ", "
                + otherKind.id() + ", " + off.id() + ", " + otherProgram.id() + ")"));

        List<DueDelivery> claimed = webhooks.claimDue(NOW, 100, Duration.ofMinutes(2)).stream()
                .filter(d -> d.webhookId() == listening.id()).toList();
        assertEquals(1, claimed.size());
        DueDelivery delivery = claimed.getFirst();
        assertEquals("whsec_a", delivery.secret());
        assertEquals(owner[0], delivery.department());
        assertEquals(LocalDate.of(2026, 3, 18), delivery.dueDay());
        assertEquals("NOT_STARTED", delivery.status());
        assertEquals(0, delivery.attempts());
        // leased: another node finds nothing until the lease runs out
        assertTrue(webhooks.claimDue(NOW.plusSeconds(60), 100, Duration.ofMinutes(2)).stream()
                .noneMatch(d -> d.id() == delivery.id()));

        webhooks.recordAttempt(delivery, NOW.plusSeconds(1), DeliveryOutcome.answered(500, Duration.ofMillis(12)),
                DeliveryState.PENDING, NOW.plusSeconds(31));
        // a second report of the same attempt (a node whose lease ran out) logs nothing
        webhooks.recordAttempt(delivery, NOW.plusSeconds(2), DeliveryOutcome.failed("late", Duration.ofMillis(1)),
                DeliveryState.DEAD, null);
        DeliveryView logged = webhooks.deliveries(listening.id(), PageRequest.first(10)).items().getFirst();
        assertEquals(DeliveryState.PENDING, logged.state());
        assertEquals(1, logged.attempts());
        assertEquals(NOW.plusSeconds(31), logged.nextAttemptAt());
        assertEquals(500, logged.attemptLog().getFirst().statusCode());
        assertNull(logged.attemptLog().getFirst().error());
        assertFalse(webhooks.claimDue(NOW.plusSeconds(30), 100, Duration.ofMinutes(2)).stream()
                .anyMatch(d -> d.id() == delivery.id()));
        assertEquals(1, webhooks.claimDue(NOW.plusSeconds(31), 100, Duration.ofMinutes(2)).stream()
                .filter(d -> d.id() == delivery.id()).findFirst().orElseThrow().attempts());

        assertFalse(webhooks.remove(listening.id(), 7));
        assertTrue(webhooks.remove(listening.id(), 0));
        assertEquals(0, db.number("SELECT count(*) FROM webhook_delivery WHERE webhook_id = " + listening.id()));
        assertEquals(0, db.number("SELECT count(*) FROM webhook_attempt WHERE delivery_id = " + delivery.id()));
    }
}
