package io.cxtracker.domain.alert.webhook;

import io.cxtracker.domain.alert.NewAlert;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The webhooks, their secrets, and the deliveries (a transactional outbox beside the alerts') with their attempts.
 * Deliveries are claimed by a lease written in the database, so several nodes never send the same one at once.
 */
public interface WebhookRepository {

    /** Registers a webhook with its secret; returns it with its id and version 0. */
    Webhook add(long programId, WebhookDraft.Valid draft, String secret, String createdBy, Instant at);

    Optional<Webhook> find(long id);

    /** A page of the webhooks, of one program or of all (null), newest first. */
    Page<Webhook> list(Long programId, PageRequest page);

    /**
     * Revises the webhook if it is still at {@code expectedVersion}; returns the revised one, empty when another
     * revision came first.
     */
    Optional<Webhook> revise(long id, long expectedVersion, WebhookDraft.Valid draft);

    /** Removes the webhook with its deliveries and their attempts, if still at the version; false otherwise. */
    boolean remove(long id, long expectedVersion);

    /**
     * Writes, in the caller's transaction, one delivery per (enabled webhook listening to the kind, stored alert) for
     * the alerts just stored: each alert concerns the program(s) of its subject; one delivery per (webhook, kind,
     * subject, period) whatever the number of the alert's audiences or of evaluations; alerts stored before the
     * webhook was registered are not delivered to it.
     *
     * @return how many deliveries were new
     */
    int enqueue(Collection<NewAlert> alerts, Instant at);

    /** Writes a test delivery for the webhook, due at once; returns its id. */
    long enqueueTest(Webhook webhook, String requestedBy, Instant at);

    /**
     * Claims up to {@code limit} pending deliveries of enabled webhooks that are due at {@code now} and not claimed by
     * another node (or whose claim ran out), until {@code now + lease}.
     */
    List<DueDelivery> claimDue(Instant now, int limit, Duration lease);

    /** Claims this one delivery, if it is pending and unclaimed. */
    Optional<DueDelivery> claim(long deliveryId, Instant now, Duration lease);

    /**
     * Logs the attempt and moves the delivery on, in one statement: to {@code state}, due again at {@code nextAttempt}
     * (null unless pending), its claim released.
     */
    void recordAttempt(DueDelivery delivery, Instant at, DeliveryOutcome outcome, DeliveryState state, Instant nextAttempt);

    /** A page of the webhook's deliveries, newest first, each with its attempts. */
    Page<DeliveryView> deliveries(long webhookId, PageRequest page);

    Optional<DeliveryView> delivery(long deliveryId);
}
