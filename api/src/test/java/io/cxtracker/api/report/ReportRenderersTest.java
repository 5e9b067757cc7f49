package io.cxtracker.api.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxtracker.api.report.ReportFixtures.Rendered;
import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Every renderer's output read back with an independent parser, checked against the fixture's values. */
class ReportRenderersTest {

    @Test
    void csvIsRfc4180WithMetadataRowsAndATrailingDigestOfEverythingBeforeIt() throws IOException {
        Rendered csv = ReportFixtures.render(ReportFormat.CSV, 0);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"));
        assertTrue(text.startsWith("\"report\",\"Accountability report\"\r\n\"report-id\",\""), text.substring(0, 60));
        for (String line : text.split("\r\n")) {
            // every field quoted, also empty ones (no record here holds a line break)
            assertTrue(line.startsWith("\"") && line.endsWith("\"") && !line.contains(",,") && !line.matches(".*[^\"],.*"),
                    "a field without quotes: " + line);
        }
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();

        Map<String, String> meta = records.stream().filter(r -> r.size() == 2)
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1), (a, b) -> a));
        assertEquals("Accountability report", meta.get("report"));
        assertEquals(ReportFixtures.REPORT_ID.toString(), meta.get("report-id"));
        assertEquals("2026-04-01T08:30:00.123Z", meta.get("generated-at"));
        assertEquals("audrey.auditor", meta.get("generated-by"));
        assertEquals("all", meta.get("scope"));
        assertEquals("2026-01-01", meta.get("from"));
        assertEquals("2026-03-31", meta.get("to"));

        assertEquals(List.of("group,billing,Billing", "group,support,Customer Support", "group,,Program-wide"),
                records.stream().filter(r -> r.get(0).equals("group")).map(r -> String.join(",", r.toList())).toList());
        CSVRecord milestone = records.stream().filter(r -> r.get(0).equals("milestones") && r.get(2).equals("7")).findFirst().orElseThrow();
        assertEquals(List.of("milestones", "support", "7", "Publish the NPS baseline", "Listen to the customer", "support",
                "alice", "2026-02-28", "2026-03-03", "late", "DONE", "carol", "signed off by the CCO",
                "https://intranet.example.com/nps"), milestone.toList());
        CSVRecord target = records.stream().filter(r -> r.get(0).equals("targets")).findFirst().orElseThrow();
        assertEquals(List.of("targets", "", "3", "nps", "Net Promoter Score", "company", "points", "-10", "25", "12.5", "64.3",
                "2026-12-31", "amber"), target.toList());
        CSVRecord change = records.stream().filter(r -> r.get(0).equals("changes")).findFirst().orElseThrow();
        assertEquals(List.of("changes", "support", "41", "2026-03-03T10:15:41Z", "alice", "milestone", "7", "check-in", "status",
                "IN_PROGRESS", "DONE", "req-41"), change.toList());
        CSVRecord columns = records.stream().filter(r -> r.get(0).equals("columns") && r.get(1).equals("changes")).findFirst().orElseThrow();
        assertEquals(change.size(), columns.size() - 1, "a header for every cell of a changes record");

        CSVRecord last = records.get(records.size() - 1);
        assertEquals("sha256", last.get(0));
        byte[] covered = Arrays.copyOf(csv.bytes(), csv.bytes().length - 77);
        assertEquals(Sha256.of(covered), last.get(1), "the digest covers every byte before its record");
        assertEquals(last.get(1), csv.produced().embeddedSha256());
        assertEquals(Sha256.of(csv.bytes()), csv.produced().fileSha256());
        assertEquals(csv.bytes().length, csv.produced().bytes());
    }

    @Test
    void csvNeutralisesFormulaPayloads() throws IOException {
        String text = new String(ReportFixtures.render(ReportFormat.CSV, 0).bytes(), StandardCharsets.UTF_8);
        List<String> titles = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords().stream()
                .filter(r -> r.get(0).equals("milestones") && r.get(4).equals("Injected")).map(r -> r.get(3)).toList();
        assertEquals(ReportFixtures.PAYLOADS.stream().map(p -> "'" + p).toList(), titles);
        for (String line : text.split("\r\n")) {
            for (String cell : line.split(",")) {
                String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(bare.startsWith("=") || bare.startsWith("+") || bare.startsWith("@"), "a live formula: " + line);
            }
        }
    }

    @Test
    void jsonStreamsTheSameContentAndEndsWithTheDigestOfTheBytesBeforeIt() throws IOException {
        Rendered json = ReportFixtures.render(ReportFormat.JSON, 0);
        JsonNode root = new ObjectMapper().readTree(json.bytes());
        assertEquals("audrey.auditor", root.at("/report/generatedBy").asText());
        assertEquals("2026-04-01T08:30:00.123Z", root.at("/report/generatedAt").asText());
        assertEquals(List.of("billing", "support", "null"), streamOf(root.get("departments")).map(d -> d.get("code").asText()).toList());
        JsonNode support = root.get("departments").get(1);
        assertEquals("late", support.at("/milestones/0/timeliness").asText());
        assertEquals("https://intranet.example.com/nps", support.at("/milestones/0/evidence/0").asText());
        assertEquals(ReportFixtures.PAYLOADS.get(0), support.at("/milestones/1/title").asText(), "JSON carries text as it is");
        assertEquals("DONE", support.at("/changes/0/changes/0/new").asText());
        assertEquals(-10.0, root.at("/departments/2/targets/0/baseline").asDouble());
        assertTrue(root.at("/departments/0/milestones").isEmpty());

        String digest = root.get("sha256").asText();
        String tail = ",\"sha256\":\"" + digest + "\"}";
        assertTrue(new String(json.bytes(), StandardCharsets.UTF_8).endsWith(tail));
        assertEquals(77, tail.length());
        assertEquals(Sha256.of(Arrays.copyOf(json.bytes(), json.bytes().length - 77)), digest);
        assertEquals(Sha256.of(json.bytes()), json.produced().fileSha256());
    }

    @Test
    void xlsxHasASheetPerSectionNumbersAsNumbersAndInertPayloads() throws IOException {
        Rendered xlsx = ReportFixtures.render(ReportFormat.XLSX, 0);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertEquals(List.of("Report", "Milestones", "Targets", "Changes"),
                    List.of(0, 1, 2, 3).stream().map(workbook::getSheetName).toList());
            Map<String, String> meta = rows(workbook.getSheet("Report")).stream().filter(r -> r.size() == 2)
                    .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1), (a, b) -> a));
            assertEquals("audrey.auditor", meta.get("generated-by"));
            assertEquals("2026-04-01T08:30:00.123Z", meta.get("generated-at"));
            assertEquals(xlsx.produced().embeddedSha256(), meta.get("content-sha256"));

            List<List<String>> milestones = rows(workbook.getSheet("Milestones"));
            assertEquals("department", milestones.get(0).get(0));
            assertEquals(List.of("support", "7", "Publish the NPS baseline"), milestones.get(1).subList(0, 3));
            // XML 1.0 cannot hold U+0001: the workbook writer puts '?' in its place, behind the guarding quote still
            assertEquals(ReportFixtures.PAYLOADS.stream().map(p -> "'" + p.replace('\u0001', '?')).toList(),
                    milestones.subList(2, 2 + ReportFixtures.PAYLOADS.size()).stream().map(r -> r.get(2)).toList());
            for (Row row : workbook.getSheet("Milestones")) {
                for (Cell cell : row) {
                    assertNotEquals(CellType.FORMULA, cell.getCellType());
                }
            }
            Row target = workbook.getSheet("Targets").getRow(1);
            assertEquals(CellType.NUMERIC, target.getCell(6).getCellType());
            assertEquals(-10.0, target.getCell(6).getNumericCellValue());
            assertEquals(12.5, target.getCell(8).getNumericCellValue());
            assertEquals("company", target.getCell(4).getStringCellValue());
            assertEquals(List.of("support", "41", "2026-03-03T10:15:41Z", "alice"), rows(workbook.getSheet("Changes")).get(1).subList(0, 4));
        }
        assertEquals(Sha256.of(xlsx.bytes()), xlsx.produced().fileSha256());
    }

    @Test
    void theContentDigestOfXlsxAndPdfIsTheCsvDigestOfTheSameReport() {
        String csv = ReportFixtures.render(ReportFormat.CSV, 0).produced().embeddedSha256();
        // the canonical content does not name the format, so the same header gives the same content
        assertEquals(csv, ReportFixtures.render(ReportFormat.XLSX, 0).produced().embeddedSha256());
        assertEquals(csv, ReportFixtures.render(ReportFormat.PDF, 0).produced().embeddedSha256());
    }

    @Test
    void pdfHasATitlePageADepartmentPerPartTablesThatBreakAcrossPagesAndPageNumbers() throws IOException {
        Rendered pdf = ReportFixtures.render(ReportFormat.PDF, 400);
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            int pages = document.getNumberOfPages();
            assertTrue(pages > 8, "400 change rows take many pages: " + pages);
            String title = page(document, 1);
            assertTrue(title.contains("Accountability report"), title);
            assertTrue(title.contains("Generated by: audrey.auditor"), title);
            assertTrue(title.contains("Generated at: 2026-04-01T08:30:00.123Z"), title);
            assertTrue(title.contains("Period: 2026-01-01 to 2026-03-31"), title);
            assertTrue(pageNumbered(title, 1, pages), pages + " pages: " + title);
            assertTrue(page(document, 2).contains("Billing (billing)"));
            assertTrue(page(document, 2).contains("None in this period."));
            String support = page(document, 3);
            assertTrue(support.contains("Customer Support (support)"), support);
            // headings in position order (bold capitals are extracted with a kerning gap: "M ilestones")
            assertTrue(support.indexOf("ilestones") < support.indexOf("Publish the NPS baseline"), support);
            assertTrue(support.indexOf("Publish the NPS baseline") < support.indexOf("argets"), support);
            assertTrue(support.contains("signed off by the CCO"), support);
            assertTrue(support.contains("=HYPERLINK"), "a PDF evaluates nothing: text stays as typed");

            int pagesWithChangeHeader = 0;
            for (int p = 3; p <= pages; p++) {
                String text = page(document, p);
                if (text.contains("request id")) {
                    pagesWithChangeHeader++;
                }
                assertTrue(pageNumbered(text, p, pages), "page " + p + ": " + text);
            }
            assertTrue(pagesWithChangeHeader > 5, "the changes table's header repeats on every page it spans: " + pagesWithChangeHeader);
            assertTrue(page(document, pages - 1).contains("Program-wide"));
            assertTrue(page(document, pages - 1).contains("Net Promoter Score"));
            String last = page(document, pages);
            assertTrue(last.contains("Content SHA-256: " + pdf.produced().embeddedSha256()), last);
        }
        assertEquals(Sha256.of(pdf.bytes()), pdf.produced().fileSha256());
    }

    /** The footer: "Page n of m" (the total is a separate text object, so extraction may space it differently). */
    private static boolean pageNumbered(String text, int page, int pages) {
        return java.util.regex.Pattern.compile("Page " + page + " of\\s*" + pages + "\\b").matcher(text).find();
    }

    private static String page(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        Function<Row, List<String>> texts = row -> {
            List<String> cells = new java.util.ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                Cell cell = row.getCell(i);
                cells.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            return cells;
        };
        List<List<String>> rows = new java.util.ArrayList<>();
        sheet.forEach(row -> rows.add(texts.apply(row)));
        return rows;
    }

    private static java.util.stream.Stream<JsonNode> streamOf(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
