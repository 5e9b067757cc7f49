package io.cxtracker.domain.alert;

/** How often a user wants to hear of a kind of alert: each as it comes, bundled daily or weekly, or never. */
public enum AlertFrequency {
    IMMEDIATE,
    DAILY,
    WEEKLY,
    OFF;

    public static final String RULE = "one of IMMEDIATE, DAILY, WEEKLY, OFF";
}
