package io.cxtracker.it.boardpack;

import static io.cxtracker.it.api.Api.etag;
import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.Tokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's board pack over HTTP, the real WAR: a hand-made program of three milestones (one done, one
 * overdue, one overridden to at risk) and a department target met by its readings; the pack built as PPTX
 * (read back with POI) and PDF (read back with PDFBox) carries the same hand-computed numbers, is recorded
 * with its SHA-256 and checkpoint, verifies, and an altered copy does not. The PDF's pages are saved as
 * images under target/board-pack when pdftoppm is installed.
 *
 * <p>Hand-computed: 3 milestones, 1 done (healthy), 1 at risk (amber), 1 overdue (red): the red weight is
 * 1/3, not more than a third, so the program is amber; by weight 33% healthy, 33% at risk, 33% red. The
 * target's 30-day window holds 10 readings of 85 satisfied out of 100: 85, against a target of 80: green.
 */
@ExtendWith(ArquillianExtension.class)
class BoardPackIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private static final LocalDate OVERDUE_DUE = Plan.programStart().plusDays(10);
    private static final String REASON = "vendor contract not signed";

    private final HttpJson admin = Api.admin();
    private String code;
    private String departmentName;
    private long program;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void setUp() {
        code = Plan.unique("pack");
        departmentName = "Board Pack " + code;
        assertEquals(201, admin.post("/api/departments", "{\"code\":\"" + code + "\",\"name\":\"" + departmentName + "\"}").status());
        Plan plan = new Plan();
        program = plan.program();
        long initiative = plan.initiative(program, 1, "MEASURE", code);
        String metric = plan.metric("CSAT", "HIGHER_IS_BETTER", code);
        plan.target(metric, code, 70, 80, Plan.today().plusDays(60), 2);
        StringBuilder readings = new StringBuilder("[");
        for (int i = 1; i <= 10; i++) {
            readings.append(i == 1 ? "" : ",").append("""
                    {"day":"%s","departmentCode":"%s","channel":"chat","idempotencyKey":"%s-%d","statistics":{"satisfied":85,"responses":100}}"""
                    .formatted(Plan.today().minusDays(i), code, metric, i));
        }
        assertEquals(10, ok(Api.as(Tokens.INGEST).post("/api/metrics/" + metric + "/readings", readings + "]"), 200)
                .get("accepted").asInt());

        JsonNode done = plan.milestone(initiative, code, Plan.today().plusDays(20));
        assertEquals(201, Api.write(admin, "POST", "/api/milestones/" + done.get("id").asLong() + "/check-ins",
                "{\"status\":\"DONE\",\"progress\":100,\"evidence\":[\"https://bi.example.com/proof\"]}",
                "\"" + done.get("version").asLong() + "\"").status());
        plan.milestone(initiative, code, OVERDUE_DUE);
        var risky = admin.post("/api/milestones", """
                {"initiativeId":%d,"title":"Risky milestone","ownerDepartment":"%s","ownerPerson":"carol","due":"%s"}"""
                .formatted(initiative, code, Plan.today().plusDays(25)));
        ok(Api.write(admin, "POST", "/api/milestones/" + ok(risky, 201).get("id").asLong() + "/override",
                "{\"status\":\"AT_RISK\",\"reason\":\"" + REASON + "\"}", etag(risky)), 200);
    }

    @Test
    void pptxCarriesTheHandComputedNumbersAndVerifies() throws IOException {
        Pack pack = build("exec", "pptx", null);
        assertEquals(PPTX, pack.contentType());
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pack.bytes()))) {
            List<String> slides = show.getSlides().stream().map(BoardPackIT::text).toList();
            String all = String.join("\n", slides);
            assertNumbers(all);
            assertTrue(slides.stream().anyMatch(s -> s.startsWith("Scorecard: " + departmentName)), all);
            assertTrue(slides.stream().anyMatch(s -> s.startsWith("Pillars \u00d7 phases")), all);
            assertTrue(slides.stream().anyMatch(s -> s.startsWith("Appendix: overdue items")), all);
            show.getSlides().stream().flatMap(s -> s.getShapes().stream()).filter(XSLFPictureShape.class::isInstance)
                    .map(XSLFPictureShape.class::cast)
                    .forEach(p -> assertTrue(p.getPictureData().getImageDimensionInPixels().width >= 1000, "print resolution"));
        }
        save(pack, "pptx");
        assertRecordedAndVerifiable(pack, "pptx");
    }

    @Test
    void pdfCarriesTheSameNumbersAndItsPagesAreSavedAsImages() throws IOException, InterruptedException {
        Pack pack = build("auditor", null, "application/pdf");
        assertEquals("application/pdf", pack.contentType());
        try (PDDocument pdf = Loader.loadPDF(pack.bytes())) {
            String text = new PDFTextStripper().getText(pdf);
            assertNumbers(text);
            assertTrue(text.contains("Scorecard: " + departmentName), text);
        }
        Path file = save(pack, "pdf");
        try {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", file.toString(),
                    file.resolveSibling("board-pack-page").toString()).inheritIO().start();
            assertEquals(0, p.waitFor(), "pdftoppm failed");
            System.out.println("[board-pack-it] page images in " + file.getParent().toAbsolutePath());
        } catch (IOException absent) {
            System.out.println("[board-pack-it] pdftoppm is not installed (Debian: poppler-utils); page images skipped");
        }
        assertRecordedAndVerifiable(pack, "pdf");
    }

    @Test
    void refusedAndBadRequestsBuildAndRecordNothing() {
        long before = Database.count("board_pack");
        String path = "/api/programs/" + program + "/board-packs";
        assertEquals(403, Api.as("lead-support").post(path + "?format=pdf", "").status());
        assertEquals(List.of("asOf"), Api.problem(Api.as("exec").post(path + "?asOf=" + Plan.today().plusDays(1), ""), 400));
        assertEquals(List.of("format", "since"), Api.problem(Api.as("exec").post(path + "?format=docx&since=yesterday", ""), 400));
        assertEquals(List.of("since"), Api.problem(Api.as("exec").post(path + "?asOf=" + Plan.today().minusDays(5)
                + "&since=" + Plan.today().minusDays(4), ""), 400));
        assertEquals(404, Api.as("exec").post("/api/programs/999999999/board-packs", "").status());
        assertEquals(before, Database.count("board_pack"), "nothing recorded");
    }

    /** The numbers of the class comment, found in the pack's text. */
    private void assertNumbers(String text) {
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("3 milestones: 1 at risk, 1 done, 1 overdue"), flat);
        assertTrue(flat.contains("By weight: 33% healthy, 33% at risk, 33% red"), flat);
        long days = ChronoUnit.DAYS.between(OVERDUE_DUE, Plan.today());
        assertTrue(flat.contains(days + " days past due (" + OVERDUE_DUE + ")"), flat);
        assertTrue(flat.contains("Set to at risk by ") && flat.contains(REASON), flat);
        assertTrue(flat.matches(".*CSAT metric \\(%\\) 85 80 .*") || flat.contains("CSAT metric (%) | 85 | 80"), flat);
        assertTrue(flat.contains("Amber"), flat);
        assertTrue(flat.contains("Board pack as of " + Plan.today()), flat);
    }

    private void assertRecordedAndVerifiable(Pack pack, String format) {
        String row = Database.value("SELECT format || ' ' || file_sha256 || ' ' || byte_count || ' ' || as_of || ' ' || "
                + "(checkpoint_id IS NOT NULL) FROM board_pack WHERE pack_id = '" + pack.packId() + "'");
        assertEquals(format + " " + sha256(pack.bytes()) + " " + pack.bytes().length + " " + Plan.today() + " true", row);
        JsonNode yes = verify(pack.bytes());
        assertTrue(yes.get("matches").asBoolean(), yes::toString);
        assertEquals(pack.packId(), yes.get("packId").asText());
        assertEquals(program, yes.get("programId").asLong());
        assertTrue(yes.at("/checkpoint/valid").asBoolean(), "the pack's signed checkpoint still holds: " + yes);
        byte[] altered = pack.bytes().clone();
        altered[altered.length / 2] ^= 0x01;
        JsonNode no = verify(altered);
        assertFalse(no.get("matches").asBoolean(), no::toString);
        assertTrue(no.get("packId").isNull(), no::toString);
    }

    private static JsonNode verify(byte[] file) {
        HttpRequest.Builder request = HttpRequest.newBuilder(HttpJson.forBaseUrl().uri("/api/board-packs/verify"))
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file));
        return ok(Api.as("exec").send(request), 200);
    }

    record Pack(byte[] bytes, String contentType, String packId, long millis) {
    }

    /** Builds the pack as the caller, by {@code format=} or by Accept. */
    private Pack build(String caller, String format, String accept) {
        Pack pack = post(caller, "/api/programs/" + program + "/board-packs" + (format == null ? "" : "?format=" + format), accept);
        System.out.println("[board-pack-it] " + (format == null ? accept : format) + ": " + pack.bytes().length + " bytes in "
                + pack.millis() + " ms");
        return pack;
    }

    static Pack post(String caller, String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(HttpJson.forBaseUrl().uri(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + Tokens.of(caller)).POST(HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        String packId = response.headers().firstValue("X-Board-Pack-Id").orElseThrow();
        assertTrue(response.headers().firstValue("Content-Disposition").orElseThrow().contains(packId));
        return new Pack(response.body(), response.headers().firstValue("Content-Type").orElse(""), packId, millis);
    }

    private static Path save(Pack pack, String extension) throws IOException {
        Path dir = Path.of("target", "board-pack");
        Files.createDirectories(dir);
        return Files.write(dir.resolve("board-pack-it." + extension), pack.bytes());
    }

    private static String text(XSLFSlide slide) {
        List<String> lines = new ArrayList<>();
        for (XSLFShape shape : slide.getShapes()) {
            if (shape instanceof XSLFTextShape t && !t.getText().isBlank()) {
                lines.add(t.getText());
            } else if (shape instanceof XSLFTable table) {
                table.getRows().forEach(r -> lines.add(r.getCells().stream().map(XSLFTextShape::getText)
                        .collect(Collectors.joining(" | "))));
            }
        }
        return String.join("\n", lines);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
