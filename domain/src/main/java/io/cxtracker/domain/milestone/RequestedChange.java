package io.cxtracker.domain.milestone;

/** What a department lead asks a second person to let happen to their milestone (four eyes). */
public enum RequestedChange {
    /** Set the status by hand over what the evidence says. */
    OVERRIDE_STATUS,
    /** Stop a metric target from deciding the milestone's status. */
    UNLINK_TARGET
}
