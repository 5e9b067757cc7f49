package io.cxtracker.domain.alert.webhook;

/** Where a delivery stands: waiting for its (next) attempt, answered 2xx, or given up after the last attempt. */
public enum DeliveryState {
    PENDING, DELIVERED, DEAD
}
