package io.cxtracker.domain.alert;

/** Where a user wants a kind of alert: in the app's inbox, also by e-mail, or nowhere. */
public enum AlertChannel {
    IN_APP,
    EMAIL,
    OFF;

    public static final String RULE = "one of IN_APP, EMAIL, OFF";
}
