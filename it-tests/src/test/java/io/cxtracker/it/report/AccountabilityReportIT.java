package io.cxtracker.it.report;

import static io.cxtracker.it.api.Api.etag;
import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.Tokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The auditor's product over HTTP: a department's accountability report exported as CSV, XLSX, PDF and
 * JSON, each parsed back with an independent reader (Commons CSV, POI, PDFBox, Jackson) and checked
 * against what was set up through the API; formula payloads a lead could type come out inert; the
 * server recognises an untouched file and not an altered one.
 *
 * <p>The department is named like a spreadsheet formula and two milestone titles and an override reason
 * carry formula payloads. Period: the program's start to 30 days from now, so the report is judged today.
 */
@ExtendWith(ArquillianExtension.class)
class AccountabilityReportIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String EVIL_NAME = "=HYPERLINK(\"http://evil.example\",\"click\")";
    private static final String AT_TITLE = "@SUM(A1:A9)";
    private static final String PLUS_TITLE = "+cmd|' /C calc'!A0";
    private static final String MINUS_REASON = "-2+3 vendor is late";
    private static final LocalDate FROM = Plan.programStart();
    private static final LocalDate TO = Plan.today().plusDays(30);

    private final HttpJson admin = Api.admin();
    private String code;
    private String metric;
    private long targetId;
    private long done;
    private long overdue;
    private long overridden;
    private String overrideBy;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void setUp() {
        code = Plan.unique("reported");
        assertEquals(201, admin.post("/api/departments", "{\"code\":\"" + code + "\",\"name\":" + json(EVIL_NAME) + "}").status());
        Plan plan = new Plan();
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "MEASURE", code);
        metric = plan.metric("CSAT", "HIGHER_IS_BETTER", code);
        targetId = plan.target(metric, code, 70, 80, Plan.today().plusDays(60), 2).get("id").asLong();
        StringBuilder readings = new StringBuilder("[");
        for (int i = 1; i <= 10; i++) {
            readings.append(i == 1 ? "" : ",").append("""
                    {"day":"%s","departmentCode":"%s","channel":"chat","idempotencyKey":"%s-%d","statistics":{"satisfied":85,"responses":100}}"""
                    .formatted(Plan.today().minusDays(i), code, metric, i));
        }
        JsonNode ingested = ok(Api.as(Tokens.INGEST).post("/api/metrics/" + metric + "/readings", readings + "]"), 200);
        assertEquals(10, ingested.get("accepted").asInt(), ingested::toString);

        var a = Api.ok(admin.post("/api/milestones", """
                {"initiativeId":%d,"title":"Survey live","ownerDepartment":"%s","ownerPerson":"alice","due":"%s",
                 "evidence":["https://intranet.example.com/plan"]}""".formatted(initiative, code, Plan.today().plusDays(20))), 201);
        done = a.get("id").asLong();
        var checkIn = Api.write(admin, "POST", "/api/milestones/" + done + "/check-ins",
                "{\"status\":\"DONE\",\"progress\":100,\"evidence\":[\"https://bi.example.com/proof\"]}", "\"" + a.get("version").asLong() + "\"");
        assertEquals(201, checkIn.status(), checkIn::toString);
        overdue = Api.ok(admin.post("/api/milestones", """
                {"initiativeId":%d,"title":%s,"ownerDepartment":"%s","ownerPerson":"bob","due":"%s"}"""
                .formatted(initiative, json(AT_TITLE), code, FROM.plusDays(10))), 201).get("id").asLong();
        var c = admin.post("/api/milestones", """
                {"initiativeId":%d,"title":%s,"ownerDepartment":"%s","ownerPerson":"carol","due":"%s"}"""
                .formatted(initiative, json(PLUS_TITLE), code, Plan.today().plusDays(25)));
        overridden = Api.ok(c, 201).get("id").asLong();
        var override = Api.write(admin, "POST", "/api/milestones/" + overridden + "/override",
                "{\"status\":\"AT_RISK\",\"reason\":" + json(MINUS_REASON) + "}", etag(c));
        overrideBy = ok(override, 200).at("/override/by").asText();
        assertFalse(overrideBy.isBlank(), override::toString);
    }

    @Test
    void csvIsParsedBackWithTheValuesSetUpAndFormulaTextInert() throws IOException {
        Export csv = export("csv", null);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        Map<String, String> meta = records.stream().filter(r -> r.size() == 2)
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1), (x, y) -> x));
        assertEquals("auditor", meta.get("generated-by"));
        assertEquals(code, meta.get("scope"));
        assertEquals(FROM.toString(), meta.get("from"));
        assertEquals(TO.toString(), meta.get("to"));
        assertEquals(csv.reportId(), meta.get("report-id"));
        assertTrue(meta.get("audit-checkpoint-signature").matches("[A-Za-z0-9+/]{86}=="), meta::toString);
        assertTrue(meta.get("audit-checkpoint-hash").matches("[0-9a-f]{64}"), meta::toString);

        assertEquals(List.of(List.of("group", code, "'" + EVIL_NAME)),
                records.stream().filter(r -> r.get(0).equals("group")).map(CSVRecord::toList).toList());
        Map<String, CSVRecord> milestones = records.stream().filter(r -> r.get(0).equals("milestones"))
                .collect(Collectors.toMap(r -> r.get(2), r -> r));
        assertEquals(Set.of(String.valueOf(done), String.valueOf(overdue), String.valueOf(overridden)), milestones.keySet());
        assertEquals(List.of("milestones", code, String.valueOf(done), "Survey live", milestones.get(String.valueOf(done)).get(4),
                code, "alice", Plan.today().plusDays(20).toString(), Plan.today().toString(), "on time", "DONE", "", "",
                "https://intranet.example.com/plan\nhttps://bi.example.com/proof"), milestones.get(String.valueOf(done)).toList());
        CSVRecord late = milestones.get(String.valueOf(overdue));
        assertEquals("'" + AT_TITLE, late.get(3));
        assertEquals("", late.get(8));
        assertEquals("overdue", late.get(9));
        assertEquals("OVERDUE", late.get(10));
        CSVRecord atRisk = milestones.get(String.valueOf(overridden));
        assertEquals("'" + PLUS_TITLE, atRisk.get(3));
        assertEquals("open", atRisk.get(9));
        assertEquals("AT_RISK", atRisk.get(10));
        assertEquals(overrideBy, atRisk.get(11));
        assertEquals("'" + MINUS_REASON, atRisk.get(12));

        List<CSVRecord> targets = records.stream().filter(r -> r.get(0).equals("targets")).toList();
        assertEquals(1, targets.size());
        assertEquals(List.of("targets", code, String.valueOf(targetId), metric, "CSAT metric", code, "%", "70", "80", "85", "150",
                Plan.today().plusDays(60).toString(), "green"), targets.get(0).toList());

        List<Long> changeSeqs = records.stream().filter(r -> r.get(0).equals("changes")).map(r -> Long.parseLong(r.get(2)))
                .distinct().toList();
        assertEquals(auditSeqsOf(code), changeSeqs, "every audit record of the department in the period, in order");

        for (CSVRecord record : records) {
            for (String cell : record) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !isNumberOrDay(cell),
                        "a live formula cell: " + record);
            }
        }
        CSVRecord last = records.getLast();
        assertEquals("sha256", last.get(0));
        assertEquals(sha256(Arrays.copyOf(csv.bytes(), csv.bytes().length - 77)), last.get(1), "the digest covers the bytes before it");
        assertRecordedAndVerifiable(csv, last.get(1));
    }

    @Test
    void xlsxHasTheSameContentAsNumbersAndTextWithNoFormulaCell() throws IOException {
        Export xlsx = export("xlsx", null);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertEquals(List.of("Report", "Milestones", "Targets", "Changes"),
                    List.of(0, 1, 2, 3).stream().map(workbook::getSheetName).toList());
            Map<String, String> meta = rows(workbook.getSheet("Report")).stream().filter(r -> r.size() == 2)
                    .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1), (x, y) -> x));
            assertEquals("auditor", meta.get("generated-by"));
            String embedded = meta.get("content-sha256");

            boolean nameSeen = false;
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertNotEquals(CellType.FORMULA, cell.getCellType(), sheet.getSheetName() + " " + cell.getAddress());
                        if (cell.getCellType() == CellType.STRING) {
                            String value = cell.getStringCellValue();
                            assertFalse(!value.isEmpty() && "=+@\t\r".indexOf(value.charAt(0)) >= 0,
                                    "a live formula text in " + sheet.getSheetName() + " " + cell.getAddress() + ": " + value);
                            nameSeen |= value.equals("'" + EVIL_NAME);
                        }
                    }
                }
            }
            assertTrue(nameSeen, "the department's name, neutralised");

            List<List<String>> milestones = rows(workbook.getSheet("Milestones"));
            Map<String, List<String>> byId = milestones.stream().skip(1).collect(Collectors.toMap(r -> r.get(1), r -> r));
            assertEquals(Set.of(String.valueOf(done), String.valueOf(overdue), String.valueOf(overridden)), byId.keySet());
            assertEquals("'" + AT_TITLE, byId.get(String.valueOf(overdue)).get(2));
            assertEquals("'" + PLUS_TITLE, byId.get(String.valueOf(overridden)).get(2));
            assertTrue(byId.get(String.valueOf(done)).contains("on time"), byId.get(String.valueOf(done)).toString());

            Row target = workbook.getSheet("Targets").getRow(1);
            assertEquals(CellType.NUMERIC, target.getCell(6).getCellType());
            assertEquals(70.0, target.getCell(6).getNumericCellValue());
            assertEquals(80.0, target.getCell(7).getNumericCellValue());
            assertEquals(85.0, target.getCell(8).getNumericCellValue());
            assertEquals("green", target.getCell(target.getLastCellNum() - 1).getStringCellValue());

            List<Long> changeSeqs = rows(workbook.getSheet("Changes")).stream().skip(1).map(r -> Long.parseLong(r.get(1)))
                    .distinct().toList();
            assertEquals(auditSeqsOf(code), changeSeqs);
            assertRecordedAndVerifiable(xlsx, embedded);
        }
    }

    @Test
    void pdfHasTheTitlePageTheDepartmentsTablesAndTheDigest() throws IOException {
        Export pdf = export(null, "application/pdf");
        assertEquals("application/pdf", pdf.contentType());
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            assertTrue(text.contains("Accountability report"), text);
            assertTrue(text.contains("Generated by: auditor"), text);
            assertTrue(text.contains("Period: " + FROM + " to " + TO), text);
            assertTrue(text.contains("(" + code + ")"), text);
            assertTrue(text.contains("=HYPERLINK(\"http://evil.example\""), "a PDF evaluates nothing: the name stays as typed");
            assertTrue(text.contains("Survey live"), text);
            assertTrue(text.contains(AT_TITLE), text);
            assertTrue(text.contains("vendor is late"), text);
            assertTrue(text.contains("CSAT metric"), text);
            assertTrue(text.contains("Page 1 of"), text);
            String embedded = recorded(pdf).get("embeddedSha256").asText();
            assertTrue(text.contains("Content SHA-256: " + embedded), text);
            assertRecordedAndVerifiable(pdf, embedded);
        }
    }

    @Test
    void jsonCarriesTheTextAsTypedAndTheNumbersAsNumbers() throws IOException {
        Export json = export("json", null);
        JsonNode root = new ObjectMapper().readTree(json.bytes());
        assertEquals("auditor", root.at("/report/generatedBy").asText());
        JsonNode department = root.get("departments").get(0);
        assertEquals(1, root.get("departments").size());
        assertEquals(code, department.get("code").asText());
        assertEquals(EVIL_NAME, department.get("name").asText());
        Map<Long, JsonNode> milestones = new java.util.HashMap<>();
        department.get("milestones").forEach(m -> milestones.put(m.get("id").asLong(), m));
        assertEquals(Set.of(done, overdue, overridden), milestones.keySet());
        assertEquals("on time", milestones.get(done).get("timeliness").asText());
        assertEquals(Plan.today().toString(), milestones.get(done).get("done").asText());
        assertEquals(AT_TITLE, milestones.get(overdue).get("title").asText());
        assertEquals(MINUS_REASON, milestones.get(overridden).get("overrideReason").asText());
        JsonNode target = department.get("targets").get(0);
        assertEquals(85.0, target.get("actual").asDouble());
        assertEquals(150.0, target.get("attainmentPercent").asDouble());
        assertEquals("green", target.get("rag").asText());
        List<Long> changeSeqs = new ArrayList<>();
        department.get("changes").forEach(c -> changeSeqs.add(c.get("seq").asLong()));
        assertEquals(auditSeqsOf(code), changeSeqs);
        String digest = root.get("sha256").asText();
        assertEquals(sha256(Arrays.copyOf(json.bytes(), json.bytes().length - 77)), digest);
        assertRecordedAndVerifiable(json, digest);
    }

    @Test
    void onlyReadersExportAndAnUnknownDepartmentIsNotFound() {
        assertEquals(403, get(Tokens.of("lead-support"), "/api/reports/accountability?department=" + code + "&format=csv", null).statusCode());
        assertEquals(401, get(null, "/api/reports/accountability?department=" + code + "&format=csv", null).statusCode());
        assertEquals(404, get(Tokens.of("auditor"), "/api/reports/accountability?department=no-such-dept&format=csv", null).statusCode());
        assertEquals(400, get(Tokens.of("auditor"), "/api/reports/accountability?department=" + code + "&format=docx", null).statusCode());
    }

    /** The server recorded the file it sent (digests, author, scope) and recognises it — and not a copy altered by one byte. */
    private void assertRecordedAndVerifiable(Export export, String embedded) {
        JsonNode record = recorded(export);
        assertEquals(sha256(export.bytes()), record.get("fileSha256").asText());
        assertEquals(embedded, record.get("embeddedSha256").asText());
        assertEquals(export.bytes().length, record.get("bytes").asLong());
        assertEquals(code, record.get("department").asText());
        assertEquals("auditor", record.get("generatedBy").asText());

        JsonNode yes = verify(export.bytes());
        assertTrue(yes.get("matches").asBoolean(), yes::toString);
        assertTrue(yes.get("checkpointId").isNumber(), yes::toString);
        assertTrue(yes.at("/checkpoint/valid").asBoolean(), "the report's signed checkpoint still holds: " + yes);
        assertEquals(export.reportId(), yes.get("reportId").asText());
        byte[] altered = export.bytes().clone();
        int middle = altered.length / 2;
        altered[middle] = (byte) (altered[middle] ^ 0x01);
        JsonNode no = verify(altered);
        assertFalse(no.get("matches").asBoolean(), no::toString);
        assertTrue(no.get("reportId").isNull(), no::toString);
    }

    private JsonNode recorded(Export export) {
        return ok(Api.as("auditor").get("/api/reports/" + export.reportId()), 200);
    }

    private static JsonNode verify(byte[] file) {
        HttpRequest.Builder request = HttpRequest.newBuilder(HttpJson.forBaseUrl().uri("/api/reports/verify"))
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file));
        return ok(Api.as("exec").send(request), 200);
    }

    private record Export(byte[] bytes, String contentType, String reportId, long millis) {
    }

    /** Downloads the report as the auditor, by {@code format=} or by Accept. */
    private Export export(String format, String accept) {
        String path = "/api/reports/accountability?department=" + code + "&from=" + FROM + "&to=" + TO
                + (format == null ? "" : "&format=" + format);
        long started = System.nanoTime();
        HttpResponse<byte[]> response = get(Tokens.of("auditor"), path, accept);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        String reportId = response.headers().firstValue("X-Report-Id").orElseThrow();
        assertTrue(response.headers().firstValue("Content-Disposition").orElseThrow().contains(reportId));
        System.out.println("[report-it] " + (format == null ? accept : format) + ": " + response.body().length + " bytes in " + millis + " ms");
        return new Export(response.body(), response.headers().firstValue("Content-Type").orElse(""), reportId, millis);
    }

    private static HttpResponse<byte[]> get(String token, String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(HttpJson.forBaseUrl().uri(path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The department's audit records appended in the period, as the report must list them. */
    private static List<Long> auditSeqsOf(String department) {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT seq FROM audit_record WHERE department_code = ? AND at >= ?::date AND at < (?::date + 1) ORDER BY seq")) {
            s.setString(1, department);
            s.setString(2, FROM.toString());
            s.setString(3, TO.toString());
            List<Long> seqs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
            assertFalse(seqs.isEmpty());
            return seqs;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isNumberOrDay(String cell) {
        return cell.matches("-?[0-9][0-9.E-]*");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                Cell cell = row.getCell(i);
                cells.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            rows.add(cells);
        }
        return rows;
    }
}
