package io.cxtracker.api.report;

import io.cxtracker.domain.report.ProducedReport;
import io.cxtracker.domain.report.ReportDepartment;
import io.cxtracker.domain.report.ReportHeader;
import io.cxtracker.domain.report.ReportLine;
import io.cxtracker.domain.report.ReportSection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The CSV export: the {@link CanonicalCsv canonical records}, then a last record {@code "sha256","<hex>"}
 * where hex is the SHA-256 of every byte before that record (from the first byte through the CRLF that
 * ends the record before it). A copy can be checked with {@code head -c -77 report.csv | sha256sum}
 * ({@code "sha256",} 9 bytes, 64 hex digits in quotes 66, CRLF 2: 77 bytes).
 */
final class CsvReportSink implements io.cxtracker.domain.report.ReportSink {
    private final DigestingOutputStream file;
    private final CanonicalCsv csv;

    CsvReportSink(OutputStream out) {
        this.file = new DigestingOutputStream(out);
        this.csv = new CanonicalCsv(file);
    }

    @Override
    public void begin(ReportHeader header) {
        csv.begin(header);
    }

    @Override
    public void department(ReportDepartment department) {
        csv.department(department);
    }

    @Override
    public void section(ReportSection section) {
        // sections are told apart by each record's first field
    }

    @Override
    public void line(ReportLine line) {
        csv.line(line);
    }

    @Override
    public ProducedReport finish() {
        csv.flush();
        String content = file.hexSoFar();
        csv.record("sha256", content);
        csv.flush();
        try {
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProducedReport(file.hexSoFar(), content, file.count());
    }

    @Override
    public void close() {
        // nothing held
    }
}
