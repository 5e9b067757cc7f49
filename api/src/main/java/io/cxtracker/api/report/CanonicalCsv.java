package io.cxtracker.api.report;

import io.cxtracker.domain.report.ReportDepartment;
import io.cxtracker.domain.report.ReportHeader;
import io.cxtracker.domain.report.ReportLine;
import io.cxtracker.domain.report.ReportSection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The canonical form of a report: RFC 4180 CSV (UTF-8 without BOM, CRLF after every record, every field
 * quoted, also empty ones, so no program reading the file guesses a field's type or meaning from its bare text),
 * one record per row, its first field naming the kind of record (shown here without the quotes):
 *
 * <pre>
 * report,Accountability report
 * report-id,&lt;uuid&gt;
 * generated-at,&lt;ISO-8601 instant, UTC&gt;
 * generated-by,&lt;user&gt;
 * scope,&lt;department code or all&gt;
 * from,&lt;first day&gt;          to,&lt;last day&gt;          as-of,&lt;day lateness is judged on&gt;
 * columns,milestones,department,id,title,…   (one per section, in section order)
 * group,&lt;department code, empty for program-wide&gt;,&lt;name&gt;
 * milestones|targets|changes,&lt;department code&gt;,&lt;cells…&gt;
 * </pre>
 *
 * The CSV export is exactly these bytes followed by one record {@code "sha256","<hex>"} whose digest covers
 * every byte before it; the XLSX and PDF exports carry the SHA-256 of these bytes as their content digest.
 */
final class CanonicalCsv {
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").setQuoteMode(QuoteMode.ALL).get();

    private final Writer writer;
    private final CSVPrinter printer;
    private String department;

    CanonicalCsv(OutputStream out) {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            this.printer = new CSVPrinter(writer, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void begin(ReportHeader header) {
        record("report", header.title());
        record("report-id", header.reportId().toString());
        record("generated-at", CellText.of(header.generatedAt()));
        record("generated-by", CellText.of(header.generatedBy()));
        record("scope", header.scope());
        record("from", header.period().from().toString());
        record("to", header.period().to().toString());
        record("as-of", header.period().asOf().toString());
        CheckpointFields.of(header.checkpoint()).forEach(this::record);
        for (ReportSection section : ReportSection.values()) {
            List<String> columns = new ArrayList<>();
            columns.add("columns");
            columns.add(section.key());
            columns.add("department");
            columns.addAll(section.columns());
            print(columns);
        }
    }

    void department(ReportDepartment group) {
        department = group.code();
        record("group", group.code() == null ? "" : group.code(), CellText.of(group.name()));
    }

    void line(ReportLine line) {
        for (List<Object> row : line.rows()) {
            List<String> fields = new ArrayList<>(row.size() + 2);
            fields.add(line.section().key());
            fields.add(department == null ? "" : department);
            for (Object cell : row) {
                // an empty cell is an empty quoted field: the printer leaves a null bare
                String text = CellText.of(cell);
                fields.add(text == null ? "" : text);
            }
            print(fields);
        }
    }

    /** Writes a record that is not part of the canonical content (the digest record). */
    void record(String... fields) {
        print(List.of(fields));
    }

    void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(List<String> fields) {
        try {
            printer.printRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
