package io.cxtracker.api.report;

import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.ReportSink;
import java.io.OutputStream;

/** The renderer of each format, writing to the given stream (which it never closes). */
public final class ReportSinks {
    private ReportSinks() {
    }

    public static ReportSink open(ReportFormat format, OutputStream out) {
        return switch (format) {
            case CSV -> new CsvReportSink(out);
            case XLSX -> new XlsxReportSink(out);
            case PDF -> new PdfReportSink(out);
            case JSON -> new JsonReportSink(out);
        };
    }
}
