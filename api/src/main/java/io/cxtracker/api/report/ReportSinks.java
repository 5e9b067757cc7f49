package io.cxtracker.api.report;

import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.ReportRenderers;
import io.cxtracker.domain.report.ReportSink;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;

/**
 * The renderer of each format, writing to the given stream (which it never closes): the one
 * implementation of the domain's {@link ReportRenderers}, used by the REST export and the UI download alike.
 */
@ApplicationScoped
public class ReportSinks implements ReportRenderers {

    @Override
    public ReportSink open(ReportFormat format, OutputStream out) {
        return switch (format) {
            case CSV -> new CsvReportSink(out);
            case XLSX -> new XlsxReportSink(out);
            case PDF -> new PdfReportSink(out);
            case JSON -> new JsonReportSink(out);
        };
    }
}
