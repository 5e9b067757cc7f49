package io.cxtracker.domain.report;

import java.util.List;

/** The three sections each department's part of an accountability report has, in this order. */
public enum ReportSection {
    MILESTONES("milestones", "Milestones", List.of("id", "title", "initiative", "owner department", "owner person",
            "due", "done", "timeliness", "status", "overridden by", "override reason", "evidence")),
    TARGETS("targets", "Targets", List.of("id", "metric", "metric name", "scope", "unit", "baseline", "target",
            "actual", "attainment %", "due", "rag")),
    CHANGES("changes", "Changes", List.of("seq", "at", "actor", "entity type", "entity id", "action", "field", "old",
            "new", "request id"));

    private final String key;
    private final String title;
    private final List<String> columns;

    ReportSection(String key, String title, List<String> columns) {
        this.key = key;
        this.title = title;
        this.columns = columns;
    }

    /** The name used in CSV records and JSON members. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public List<String> columns() {
        return columns;
    }
}
