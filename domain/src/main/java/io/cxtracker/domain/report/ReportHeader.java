package io.cxtracker.domain.report;

import io.cxtracker.domain.audit.Checkpoint;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a report says about itself: its id, who generated it and when, which department (null: all)
 * and which period it covers, the format it is rendered in, and the signed audit checkpoint it was made
 * under (the audit chain's head when it was exported; null only where no checkpoint is signed, in tests
 * of the report's content).
 */
public record ReportHeader(UUID reportId, String title, ReportFormat format, Instant generatedAt, String generatedBy,
        String department, ReportPeriod period, Checkpoint checkpoint) {

    public ReportHeader(UUID reportId, String title, ReportFormat format, Instant generatedAt, String generatedBy,
            String department, ReportPeriod period) {
        this(reportId, title, format, generatedAt, generatedBy, department, period, null);
    }

    public static final String ACCOUNTABILITY_TITLE = "Accountability report";

    public ReportHeader {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(generatedBy, "generatedBy");
        Objects.requireNonNull(period, "period");
    }

    /** The name the file is offered under, wherever it is downloaded. */
    public String fileName() {
        return "accountability-" + scope() + "-" + period.from() + "-" + period.to() + "-" + reportId + "."
                + format.extension();
    }

    /** The department code, or "all". */
    public String scope() {
        return department == null ? "all" : department;
    }
}
