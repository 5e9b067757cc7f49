package io.cxtracker.domain.alert.webhook;

import java.net.URI;
import java.util.Map;

/** Sends one delivery's body to a receiver (infrastructure implements it over HTTP, with timeouts). */
public interface WebhookTransport {

    /** POSTs the body with the headers; never throws for what the receiver or the network did. */
    DeliveryOutcome post(URI url, Map<String, String> headers, byte[] body);
}
