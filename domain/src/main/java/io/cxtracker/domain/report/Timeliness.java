package io.cxtracker.domain.report;

import java.time.LocalDate;

/** Whether a milestone was (or is being) delivered on time, judged on a given day. */
public enum Timeliness {
    /** Done on or before its due date. */
    ON_TIME("on time"),
    /** Done after its due date. */
    LATE("late"),
    /** Not done, and the due date has passed. */
    OVERDUE("overdue"),
    /** Not done, and not due yet. */
    OPEN("open"),
    /** No due date to judge by. */
    NO_DUE_DATE("no due date");

    private final String label;

    Timeliness(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @param done the day the milestone was done, null while it is not
     * @param asOf the day to judge on; a milestone done after it counts as not done yet
     */
    public static Timeliness of(LocalDate due, LocalDate done, LocalDate asOf) {
        if (due == null) {
            return NO_DUE_DATE;
        }
        if (done != null && !done.isAfter(asOf)) {
            return done.isAfter(due) ? LATE : ON_TIME;
        }
        return asOf.isAfter(due) ? OVERDUE : OPEN;
    }

    @Override
    public String toString() {
        return label;
    }
}
