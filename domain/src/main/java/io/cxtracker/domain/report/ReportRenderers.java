package io.cxtracker.domain.report;

import java.io.OutputStream;

/**
 * The renderers of the report formats: a port, implemented once (in the api module, beside the CSV,
 * XLSX, PDF and JSON sinks) and found by CDI, so the REST export and the UI download render through the
 * same code in the same process. A deployment without an implementation fails at start (unsatisfied
 * dependency of {@link ReportService}), never with an empty report.
 */
public interface ReportRenderers {

    /** A sink writing the format to the stream; the sink never closes the stream. */
    ReportSink open(ReportFormat format, OutputStream out);
}
