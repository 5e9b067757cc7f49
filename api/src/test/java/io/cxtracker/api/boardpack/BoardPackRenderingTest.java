package io.cxtracker.api.boardpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.boardpack.BoardPack;
import io.cxtracker.domain.boardpack.BoardPack.Change;
import io.cxtracker.domain.boardpack.BoardPack.Changes;
import io.cxtracker.domain.boardpack.BoardPack.KindCount;
import io.cxtracker.domain.boardpack.BoardPack.RiskLine;
import io.cxtracker.domain.boardpack.BoardPack.Scorecard;
import io.cxtracker.domain.boardpack.BoardPack.TargetLine;
import io.cxtracker.domain.boardpack.BoardPack.Trend;
import io.cxtracker.domain.boardpack.BoardPack.TrendPoint;
import io.cxtracker.domain.boardpack.BoardPackContent;
import io.cxtracker.domain.boardpack.BoardPackContent.Assessed;
import io.cxtracker.domain.boardpack.BoardPackFormat;
import io.cxtracker.domain.boardpack.BoardPackHeader;
import io.cxtracker.domain.boardpack.BoardPackRenderers.Rendered;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.report.Sha256;
import io.cxtracker.domain.targets.Rag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
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
import org.junit.jupiter.api.Test;

/**
 * Renders a hand-made pack in both formats, reads them back (POI, PDFBox) and finds the same numbers in
 * both; the files land in target/board-pack for a look (and page images, when pdftoppm is installed).
 */
class BoardPackRenderingTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final Map<String, String> NAMES = Map.of("support", "Customer Support", "sales", "Sales");

    static BoardPack pack(BoardPackFormat format) {
        List<Assessed> items = new ArrayList<>();
        // 6 milestones: 3 on track, 1 at risk, 2 overdue → red share 2/6, not over a third → amber
        items.add(item(1, Pillar.LISTEN, 1, "support", AS_OF.plusDays(20), MilestoneStatus.ON_TRACK));
        items.add(item(2, Pillar.LISTEN, 1, "support", AS_OF.plusDays(40), MilestoneStatus.ON_TRACK));
        items.add(item(3, Pillar.MEASURE, 2, "sales", AS_OF.plusDays(60), MilestoneStatus.ON_TRACK));
        items.add(item(4, Pillar.MEASURE, 2, "sales", AS_OF.plusDays(10), MilestoneStatus.AT_RISK));
        items.add(item(5, Pillar.CHANGE, 1, "support", LocalDate.of(2026, 6, 10), MilestoneStatus.OVERDUE));
        items.add(item(6, Pillar.CHANGE, 2, "sales", LocalDate.of(2026, 5, 31), MilestoneStatus.OVERDUE));
        List<MilestoneStatusView> views = items.stream().map(Assessed::view).toList();

        TargetLine nps = new TargetLine("nps", "Net Promoter Score", "points", null, 20, 40, LocalDate.of(2026, 12, 31),
                OptionalDouble.of(31.4), OptionalDouble.of(37.2), Rag.AMBER, "the forecast falls short of the target by 2.8");
        TargetLine csat = new TargetLine("csat", "Customer satisfaction", "%", "support", 70, 85, LocalDate.of(2026, 12, 31),
                OptionalDouble.of(86.0), OptionalDouble.empty(), Rag.GREEN, "met");
        List<TrendPoint> points = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            points.add(new TrendPoint(LocalDate.of(2025, 7, 1).plusMonths(m), 20 + m * 1.05));
        }
        BoardPackHeader header = new BoardPackHeader(UUID.fromString("00000000-0000-0000-0000-0000000000aa"), 7,
                "Customer First 2027", format, AS_OF, LocalDate.of(2026, 3, 31), Instant.parse("2026-06-30T17:00:00Z"),
                "exec-anna", null);
        List<Scorecard> cards = List.of(
                scorecard("sales", items, List.of()),
                scorecard("support", items, List.of(csat)));
        return new BoardPack(header, BoardPackContent.rollUp(items), List.of("Foundation", "Scale", "Embed"),
                BoardPackContent.pillarsByPhase(items, List.of(1, 2, 3)), cards,
                BoardPackContent.risks(views, NAMES, BoardPackContent.TOP_RISKS), List.of(new Trend(nps, points),
                        new Trend(csat, points.stream().map(p -> new TrendPoint(p.month(), 70 + p.value() / 2)).toList())),
                new Changes(LocalDate.of(2026, 3, 31), AS_OF, List.of(new KindCount("milestone \u00b7 check in", 4)),
                        List.of(new Change(Instant.parse("2026-06-29T08:00:00Z"), "lead-support", "milestone 5",
                                "check in: status AT_RISK")), 4),
                BoardPackContent.overdue(views, NAMES));
    }

    static Scorecard scorecard(String code, List<Assessed> items, List<TargetLine> targets) {
        List<Assessed> owned = items.stream().filter(a -> a.facts().ownerDepartment().equals(code)).toList();
        return new Scorecard(code, NAMES.get(code), BoardPackContent.rollUp(owned), BoardPackContent.byPillar(owned), targets,
                BoardPackContent.risks(owned.stream().map(Assessed::view).toList(), NAMES, 8));
    }

    static Assessed item(long id, Pillar pillar, int phase, String department, LocalDate due, MilestoneStatus status) {
        MilestoneFacts facts = new MilestoneFacts(id, "Milestone " + id, 1, "I", pillar, phase, "P", department, due, null,
                null, null, List.of());
        return new Assessed(facts, new MilestoneStatusView(id, "Milestone " + id, 1, pillar, phase, department, due, AS_OF,
                status, status, null, List.of(), List.of()));
    }

    @Test
    void pptxCarriesTheNumbers() throws IOException {
        byte[] file = render(BoardPackFormat.PPTX);
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(file))) {
            List<String> slides = show.getSlides().stream().map(BoardPackRenderingTest::text).toList();
            assertEquals("Customer First 2027", slides.getFirst().lines().findFirst().orElseThrow());
            String all = String.join("\n", slides);
            assertNumbers(all);
            assertTrue(slides.stream().anyMatch(s -> s.startsWith("Scorecard: Customer Support")), "a scorecard slide per department");
            assertTrue(slides.stream().anyMatch(s -> s.startsWith("Scorecard: Sales")), "a scorecard slide per department");
            long pictures = show.getSlides().stream().flatMap(s -> s.getShapes().stream())
                    .filter(XSLFPictureShape.class::isInstance).count();
            assertEquals(2, pictures, "one chart per headline metric");
            XSLFPictureShape chart = show.getSlides().stream().flatMap(s -> s.getShapes().stream())
                    .filter(XSLFPictureShape.class::isInstance).map(XSLFPictureShape.class::cast).findFirst().orElseThrow();
            // print resolution: at least 200 pixels per inch of the picture's width on the slide
            java.awt.Dimension pixels = chart.getPictureData().getImageDimensionInPixels();
            assertTrue(pixels.width / (chart.getAnchor().getWidth() / 72) >= 200, "pixels " + pixels);
            drawSlides(show);
        }
    }

    @Test
    void pdfCarriesTheSameNumbers() throws IOException, InterruptedException {
        byte[] file = render(BoardPackFormat.PDF);
        try (PDDocument pdf = Loader.loadPDF(file)) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Customer First 2027") && text.contains("Board pack as of 2026-06-30"), text);
            assertNumbers(text);
            assertTrue(text.contains("Scorecard: Customer Support") && text.contains("Scorecard: Sales"));
        }
        Path dir = Path.of("target", "board-pack");
        Files.createDirectories(dir);
        Files.write(dir.resolve("rendering-test.pdf"), file);
        try {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", dir.resolve("rendering-test.pdf").toString(),
                    dir.resolve("rendering-test-page").toString()).inheritIO().start();
            assertEquals(0, p.waitFor());
        } catch (IOException absent) {
            System.out.println("pdftoppm is not installed (poppler-utils); page images skipped: " + absent.getMessage());
        }
    }

    /** The hand-computed figures: program amber, 6 milestones (3 on track, 1 at risk, 2 overdue), 50% / 17% / 33%. */
    private static void assertNumbers(String text) {
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("6 milestones: 3 on track, 1 at risk, 2 overdue"), flat);
        assertTrue(flat.contains("By weight: 50% healthy, 17% at risk, 33% red"), flat);
        assertTrue(flat.contains("Amber"), flat);
        // milestone 6 due 31 May is 30 days overdue on 30 June, milestone 5 due 10 June 20 days
        assertTrue(flat.contains("30 days past due (2026-05-31)"), flat);
        assertTrue(flat.contains("20 days past due (2026-06-10)"), flat);
        assertTrue(flat.contains("31.4") && flat.contains("37.2"), "NPS now and forecast: " + flat);
        assertTrue(flat.contains("milestone \u00b7 check in"), flat);
    }

    /** Each slide drawn by POI's own renderer into target/board-pack, to look at without an office suite. */
    private static void drawSlides(XMLSlideShow show) throws IOException {
        Path dir = Path.of("target", "board-pack");
        int n = 0;
        for (XSLFSlide slide : show.getSlides()) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(960, 540, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(java.awt.Color.WHITE);
            g.fillRect(0, 0, 960, 540);
            slide.draw(g);
            g.dispose();
            javax.imageio.ImageIO.write(image, "png", dir.resolve("rendering-test-slide-" + (++n) + ".png").toFile());
        }
    }

    private static byte[] render(BoardPackFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rendered rendered = new BoardPackSinks().render(pack(format), out);
        byte[] file = out.toByteArray();
        assertEquals(file.length, rendered.bytes());
        assertEquals(Sha256.of(file), rendered.fileSha256());
        Path dir = Path.of("target", "board-pack");
        Files.createDirectories(dir);
        Files.write(dir.resolve("rendering-test." + format.extension()), file);
        return file;
    }

    private static String text(XSLFSlide slide) {
        List<String> lines = new ArrayList<>();
        for (XSLFShape shape : slide.getShapes()) {
            if (shape instanceof XSLFTextShape t) {
                lines.add(t.getText());
            } else if (shape instanceof XSLFTable table) {
                table.getRows().forEach(r -> lines.add(r.getCells().stream().map(XSLFTextShape::getText)
                        .collect(Collectors.joining(" | "))));
            }
        }
        // the colour band first, then the title: drop empty texts
        return lines.stream().filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
    }
}
