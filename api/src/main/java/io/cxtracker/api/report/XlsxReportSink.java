package io.cxtracker.api.report;

import io.cxtracker.domain.report.ProducedReport;
import io.cxtracker.domain.report.ReportDepartment;
import io.cxtracker.domain.report.ReportHeader;
import io.cxtracker.domain.report.ReportLine;
import io.cxtracker.domain.report.ReportSection;
import io.cxtracker.domain.report.ReportSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The XLSX export, written with POI's streaming SXSSF: only a window of rows per sheet stays in
 * memory, the rest goes to compressed temporary files until the workbook is written at the end.
 * Sheets: "Report" (what the report is, and at the end its content digest), then one sheet per section
 * with a department column in front. Numbers are numeric cells; everything else is text, neutralised
 * like the CSV's. The content digest is the SHA-256 of the report's {@link CanonicalCsv canonical CSV}.
 */
final class XlsxReportSink implements ReportSink {
    static final String REPORT_SHEET = "Report";
    /** Excel's limit for the text of one cell. */
    static final int MAX_CELL_TEXT = 32_767;
    private static final int WINDOW = 100;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final DigestingOutputStream content = DigestingOutputStream.discarding();
    private final CanonicalCsv canonical = new CanonicalCsv(content);
    private final Map<ReportSection, Sheet> sheets = new EnumMap<>(ReportSection.class);
    private final Map<ReportSection, Integer> nextRow = new EnumMap<>(ReportSection.class);
    private final CellStyle bold;
    private Sheet reportSheet;
    private int reportRow;
    private String department;

    XlsxReportSink(OutputStream out) {
        this.out = out;
        workbook.setCompressTempFiles(true);
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
    }

    @Override
    public void begin(ReportHeader header) {
        canonical.begin(header);
        reportSheet = workbook.createSheet(REPORT_SHEET);
        reportSheet.setColumnWidth(0, 16 * 256);
        reportSheet.setColumnWidth(1, 70 * 256);
        meta("report", header.title());
        meta("report-id", header.reportId().toString());
        meta("generated-at", CellText.of(header.generatedAt()));
        meta("generated-by", CellText.of(header.generatedBy()));
        meta("scope", header.scope());
        meta("from", header.period().from().toString());
        meta("to", header.period().to().toString());
        meta("as-of", header.period().asOf().toString());
        CheckpointFields.of(header.checkpoint()).forEach(this::meta);
        for (ReportSection section : ReportSection.values()) {
            SXSSFSheet sheet = workbook.createSheet(section.title());
            Row head = sheet.createRow(0);
            text(head, 0, "department").setCellStyle(bold);
            List<String> columns = section.columns();
            for (int i = 0; i < columns.size(); i++) {
                text(head, i + 1, columns.get(i)).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            sheets.put(section, sheet);
            nextRow.put(section, 1);
        }
    }

    @Override
    public void department(ReportDepartment group) {
        canonical.department(group);
        department = group.code() == null ? "" : group.code();
    }

    @Override
    public void section(ReportSection section) {
        // each section has its own sheet
    }

    @Override
    public void line(ReportLine line) {
        canonical.line(line);
        ReportSection section = line.section();
        Sheet sheet = sheets.get(section);
        for (List<Object> cells : line.rows()) {
            int index = nextRow.merge(section, 1, Integer::sum) - 1;
            Row row = sheet.createRow(index);
            text(row, 0, department);
            for (int i = 0; i < cells.size(); i++) {
                Object cell = cells.get(i);
                if (cell instanceof Number number) {
                    row.createCell(i + 1).setCellValue(number.doubleValue());
                } else if (cell != null) {
                    text(row, i + 1, CellText.of(cell));
                }
            }
        }
    }

    @Override
    public ProducedReport finish() {
        canonical.flush();
        String contentSha256 = content.hexSoFar();
        reportRow++;
        meta("content-sha256", contentSha256);
        meta("digest-of", "SHA-256 of this report's canonical CSV: the CSV export's bytes before its sha256 record");
        DigestingOutputStream file = new DigestingOutputStream(out);
        try {
            workbook.write(file);
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProducedReport(file.hexSoFar(), contentSha256, file.count());
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            // temporary files are gone with dispose(); nothing else to release
        }
    }

    private void meta(String key, String value) {
        Row row = reportSheet.createRow(reportRow++);
        text(row, 0, key).setCellStyle(bold);
        text(row, 1, value);
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.length() > MAX_CELL_TEXT ? value.substring(0, MAX_CELL_TEXT - 1) + "…" : value);
        }
        return cell;
    }
}
