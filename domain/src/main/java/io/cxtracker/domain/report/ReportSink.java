package io.cxtracker.domain.report;

/**
 * Receives a report as it is read, in this order: {@link #begin}, then for each department
 * {@link #department} followed by its three sections (each {@link #section} followed by its lines),
 * then {@link #finish}. Renderers (CSV, XLSX, PDF, JSON) implement it and write as they receive, so
 * nothing but the current line is held in memory.
 */
public interface ReportSink extends AutoCloseable {

    void begin(ReportHeader header);

    void department(ReportDepartment department);

    void section(ReportSection section);

    void line(ReportLine line);

    /** Completes the output and says what was produced: its digests and size. */
    ProducedReport finish();

    /** Releases what the renderer holds (temporary files); safe to call after {@link #finish} or a failure. */
    @Override
    void close();
}
