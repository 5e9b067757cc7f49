package io.cxtracker.domain.alert;

/**
 * The rules' thresholds: a check-in is due after {@code checkInDays} without one (default 14), a
 * milestone is due soon {@code dueSoonDays} before its due day (default 7).
 */
public record AlertSettings(int checkInDays, int dueSoonDays) {
    public static final AlertSettings DEFAULTS = new AlertSettings(14, 7);

    public AlertSettings {
        if (checkInDays < 1 || dueSoonDays < 0) {
            throw new IllegalArgumentException("check-in days ≥ 1 and due-soon days ≥ 0, not " + checkInDays + ", "
                    + dueSoonDays);
        }
    }
}
