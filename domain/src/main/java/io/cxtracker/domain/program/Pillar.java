package io.cxtracker.domain.program;

/** The three pillars of the plan, a fixed set: listen to the customer, measure, commit to change. */
public enum Pillar {
    /** Listen to the voice of the customer. */
    LISTEN("Listen"),
    /** Establish metrics and milestones. */
    MEASURE("Measure"),
    /** Commit to change. */
    CHANGE("Change");

    private final String title;

    Pillar(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
