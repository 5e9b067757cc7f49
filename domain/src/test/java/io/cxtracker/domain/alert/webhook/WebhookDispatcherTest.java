package io.cxtracker.domain.alert.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cxtracker.domain.alert.NewAlert;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher over an in-memory delivery and a receiver that answers as told: a 500 is retried on the schedule
 * and the delivery dies after the last attempt; a 2xx delivers; every attempt is signed over the bytes it sent.
 */
class WebhookDispatcherTest {
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    /** One delivery, claimed whenever it is pending and due. */
    static class OneDelivery implements WebhookRepository {
        DueDelivery delivery = WebhookPayloadTest.overdue(0);
        DeliveryState state = DeliveryState.PENDING;
        Instant next = T0;
        final List<String> log = new ArrayList<>();

        @Override
        public List<DueDelivery> claimDue(Instant now, int limit, Duration lease) {
            return state == DeliveryState.PENDING && !next.isAfter(now) ? List.of(delivery) : List.of();
        }

        @Override
        public void recordAttempt(DueDelivery d, Instant at, DeliveryOutcome outcome, DeliveryState newState,
                Instant nextAttempt) {
            log.add((d.attempts() + 1) + ":" + outcome.statusCode() + "->" + newState
                    + (nextAttempt == null ? "" : "@+" + Duration.between(at, nextAttempt).toSeconds() + "s"));
            state = newState;
            next = nextAttempt;
            delivery = new DueDelivery(d.id(), d.deliveryKey(), d.webhookId(), d.url(), d.secret(), d.attempts() + 1,
                    d.kind(), d.subjectType(), d.subjectId(), d.subjectTitle(), d.title(), d.body(), d.link(), d.programId(),
                    d.programName(), d.department(), d.dueDay(), d.status(), d.raisedAt());
        }

        // not used by the dispatcher's schedule
        @Override public Webhook add(long p, WebhookDraft.Valid d, String s, String b, Instant a) { throw new UnsupportedOperationException(); }
        @Override public Optional<Webhook> find(long id) { throw new UnsupportedOperationException(); }
        @Override public Page<Webhook> list(Long p, PageRequest r) { throw new UnsupportedOperationException(); }
        @Override public Optional<Webhook> revise(long id, long v, WebhookDraft.Valid d) { throw new UnsupportedOperationException(); }
        @Override public boolean remove(long id, long v) { throw new UnsupportedOperationException(); }
        @Override public int enqueue(Collection<NewAlert> a, Instant at) { throw new UnsupportedOperationException(); }
        @Override public long enqueueTest(Webhook w, String b, Instant a) { throw new UnsupportedOperationException(); }
        @Override public Optional<DueDelivery> claim(long id, Instant n, Duration l) { throw new UnsupportedOperationException(); }
        @Override public Page<DeliveryView> deliveries(long id, PageRequest p) { throw new UnsupportedOperationException(); }
        @Override public Optional<DeliveryView> delivery(long id) { throw new UnsupportedOperationException(); }
    }

    /** Answers each POST with the next status and keeps what it got. */
    static final class Receiver implements WebhookTransport {
        final List<Integer> answers;
        final List<Map<String, String>> headers = new ArrayList<>();
        final List<byte[]> bodies = new ArrayList<>();

        Receiver(Integer... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public DeliveryOutcome post(URI url, Map<String, String> h, byte[] body) {
            headers.add(h);
            bodies.add(body);
            return DeliveryOutcome.answered(answers.removeFirst(), Duration.ofMillis(5));
        }
    }

    private static int runFor(WebhookDispatcher dispatcher, MutableClock clock, Duration span) {
        int attempts = 0;
        for (Duration t = Duration.ZERO; t.compareTo(span) <= 0; t = t.plusSeconds(1)) {
            clock.now = T0.plus(t);
            attempts += dispatcher.sendDue();
        }
        return attempts;
    }

    static final class MutableClock extends Clock {
        Instant now = T0;

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static WebhookSettings settings(RetrySchedule retries) {
        return new WebhookSettings(retries, URI.create("https://cx.example.com/"), 20, Duration.ofMinutes(2));
    }

    @Test
    void aFailingReceiverIsRetriedOnTheScheduleAndTheDeliveryDiesAfterTheLastAttempt() {
        OneDelivery store = new OneDelivery();
        Receiver receiver = new Receiver(500, 500, 500, 500, 500, 500);
        MutableClock clock = new MutableClock();
        WebhookDispatcher dispatcher = new WebhookDispatcher(store, receiver, null, settings(RetrySchedule.DEFAULTS), clock);

        assertEquals(5, runFor(dispatcher, clock, Duration.ofHours(2)));
        assertEquals(List.of("1:500->PENDING@+30s", "2:500->PENDING@+120s", "3:500->PENDING@+480s",
                "4:500->PENDING@+1920s", "5:500->DEAD"), store.log);
        assertEquals(DeliveryState.DEAD, store.state);
        assertNull(store.next);
    }

    @Test
    void aReceiverThatRecoversGetsItOnTheThirdAttemptWithTheSameIdAndBytes() {
        OneDelivery store = new OneDelivery();
        Receiver receiver = new Receiver(503, 500, 204);
        MutableClock clock = new MutableClock();
        WebhookDispatcher dispatcher = new WebhookDispatcher(store, receiver, null,
                settings(new RetrySchedule(Duration.ofSeconds(1), 2, 3)), clock);

        assertEquals(3, runFor(dispatcher, clock, Duration.ofSeconds(30)));
        assertEquals(List.of("1:503->PENDING@+1s", "2:500->PENDING@+2s", "3:204->DELIVERED"), store.log);
        for (int i = 0; i < 3; i++) {
            Map<String, String> h = receiver.headers.get(i);
            assertEquals("application/json", h.get("Content-Type"));
            assertEquals(WebhookPayloadTest.KEY.toString(), h.get(WebhookDispatcher.DELIVERY_HEADER));
            assertEquals(WebhookSignature.of("whsec_s", receiver.bodies.get(i)), h.get(WebhookSignature.HEADER));
            assertEquals(new String(receiver.bodies.get(0)), new String(receiver.bodies.get(i)));
        }
    }

    @Test
    void aTurnStartsNoAttemptOnceHalfTheLeaseHasPassedSoNoClaimRunsOutMidSend() {
        // three deliveries claimed at T0 with a 2 min lease; a slow receiver: each attempt takes 70 s of the clock
        List<String> sentKeys = new ArrayList<>();
        MutableClock clock = new MutableClock();
        WebhookRepository three = new OneDelivery() {
            @Override
            public List<DueDelivery> claimDue(Instant now, int limit, Duration lease) {
                return List.of(WebhookPayloadTest.overdue(0), WebhookPayloadTest.overdue(1), WebhookPayloadTest.overdue(2));
            }
        };
        WebhookTransport slow = (url, headers, body) -> {
            sentKeys.add(headers.get(WebhookDispatcher.DELIVERY_HEADER));
            clock.now = clock.now.plusSeconds(70);
            return DeliveryOutcome.answered(200, Duration.ofSeconds(70));
        };
        WebhookDispatcher dispatcher = new WebhookDispatcher(three, slow, null, settings(RetrySchedule.DEFAULTS), clock);

        // the first starts at T0, the second would start at T0 + 70 s, past the 60 s budget: one attempt this turn
        assertEquals(1, dispatcher.sendDue());
        assertEquals(1, sentKeys.size());
    }

    @Test
    void anAnswerOutside2xxFailsARedirectIncluded() {
        assertEquals(false, DeliveryOutcome.answered(302, Duration.ZERO).delivered());
        assertEquals(false, DeliveryOutcome.answered(199, Duration.ZERO).delivered());
        assertEquals(true, DeliveryOutcome.answered(299, Duration.ZERO).delivered());
        assertEquals(false, DeliveryOutcome.failed("ConnectException", Duration.ZERO).delivered());
    }
}
