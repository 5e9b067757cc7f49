package io.cxtracker.domain.targets;

/** The traffic light shown for a target or a group. No data is its own colour: it is never green. */
public enum Rag {
    GREEN,
    AMBER,
    RED,
    NO_DATA
}
