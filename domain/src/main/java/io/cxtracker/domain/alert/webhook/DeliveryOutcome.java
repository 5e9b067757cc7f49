package io.cxtracker.domain.alert.webhook;

import java.time.Duration;

/**
 * What one attempt got: the receiver's HTTP status, or why there was none (refused connection, timeout); and how long
 * it took. Only a 2xx delivers; a redirect is not followed, so it fails like any other answer.
 */
public record DeliveryOutcome(Integer statusCode, String error, Duration took) {
    public static final int ERROR_MAX_LENGTH = 500;

    public DeliveryOutcome {
        if ((statusCode == null) == (error == null)) {
            throw new IllegalArgumentException("an attempt has a status code or an error, not both or neither");
        }
        if (error != null && error.length() > ERROR_MAX_LENGTH) {
            error = error.substring(0, ERROR_MAX_LENGTH - 1) + "…";
        }
    }

    public static DeliveryOutcome answered(int statusCode, Duration took) {
        return new DeliveryOutcome(statusCode, null, took);
    }

    public static DeliveryOutcome failed(String error, Duration took) {
        return new DeliveryOutcome(null, error == null || error.isBlank() ? "no answer" : error, took);
    }

    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
