package io.cxtracker.domain.alert;

import java.util.Objects;

/**
 * One user's choice for one kind of alert. Without a stored choice a kind is shown in the app, as it
 * comes ({@link #byDefault}). Channel OFF or frequency OFF silences the kind: it leaves the inbox and the
 * unread count.
 */
public record AlertPreference(AlertKind kind, AlertChannel channel, AlertFrequency frequency) {

    public AlertPreference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(frequency, "frequency");
    }

    public static AlertPreference byDefault(AlertKind kind) {
        return new AlertPreference(kind, AlertChannel.IN_APP, AlertFrequency.IMMEDIATE);
    }

    public boolean isSilenced() {
        return channel == AlertChannel.OFF || frequency == AlertFrequency.OFF;
    }
}
