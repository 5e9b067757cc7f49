package io.cxtracker.api.boardpack;

import io.cxtracker.api.boardpack.Deck.Block;
import io.cxtracker.api.boardpack.Deck.Cell;
import io.cxtracker.api.boardpack.Deck.Charts;
import io.cxtracker.api.boardpack.Deck.Facts;
import io.cxtracker.api.boardpack.Deck.Heading;
import io.cxtracker.api.boardpack.Deck.Note;
import io.cxtracker.api.boardpack.Deck.Page;
import io.cxtracker.api.boardpack.Deck.Table;
import io.cxtracker.domain.boardpack.BoardPack;
import io.cxtracker.domain.boardpack.BoardPack.Trend;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.sl.usermodel.TableCell.BorderEdge;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;

/**
 * The board pack as a 16:9 PowerPoint deck (Apache POI XSLF), one slide per {@link Deck} page: a title
 * with the RAG as a coloured badge, a subtitle, the page's blocks top to bottom, and a footer naming the
 * program, the as-of day and the slide number. The deck's model is built in memory (a few dozen slides);
 * the file is zipped straight into the response.
 */
final class PptxBoardPack {
    static final double WIDTH = 960;
    static final double HEIGHT = 540;
    static final double MARGIN = 40;
    static final Color INK = new Color(0x1A, 0x23, 0x2E);
    static final Color MUTED = new Color(0x5F, 0x6B, 0x7A);
    static final Color RULE = new Color(0x1F, 0x4E, 0x79);
    static final Color HEAD = new Color(0xE9, 0xEE, 0xF4);
    static final double TABLE_FONT = 10.5;
    private static final String FONT = "Calibri";

    private PptxBoardPack() {
    }

    static void write(BoardPack pack, Deck deck, OutputStream out) {
        try (XMLSlideShow show = new XMLSlideShow()) {
            show.setPageSize(new Dimension((int) WIDTH, (int) HEIGHT));
            int number = 0;
            for (Page page : deck.pages()) {
                number++;
                slide(show, pack, page, number, deck.pages().size());
            }
            show.getProperties().getCoreProperties().setTitle("Board pack \u2014 " + pack.header().programName()
                    + " as of " + pack.header().asOf());
            show.getProperties().getCoreProperties().setCreator(pack.header().generatedBy());
            show.getProperties().getCoreProperties().setIdentifier(pack.header().packId().toString());
            show.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void slide(XMLSlideShow show, BoardPack pack, Page page, int number, int of) {
        XSLFSlide slide = show.createSlide();
        XSLFAutoShape band = slide.createAutoShape();
        band.setShapeType(ShapeType.RECT);
        band.setAnchor(new Rectangle2D.Double(0, 0, WIDTH, 8));
        band.setFillColor(RULE);
        band.setLineColor(RULE);

        text(slide, page.title(), new Rectangle2D.Double(MARGIN, 22, WIDTH - 2 * MARGIN - 130, 44), 26, true, INK);
        if (page.rag() != null) {
            XSLFAutoShape badge = slide.createAutoShape();
            badge.setShapeType(ShapeType.ROUND_RECT);
            badge.setAnchor(new Rectangle2D.Double(WIDTH - MARGIN - 120, 28, 120, 32));
            badge.setFillColor(TrendCharts.color(page.rag()));
            badge.setLineColor(TrendCharts.color(page.rag()));
            badge.setVerticalAlignment(VerticalAlignment.MIDDLE);
            XSLFTextParagraph p = paragraph(badge);
            p.setTextAlign(TextAlign.CENTER);
            run(p, Deck.ragText(page.rag()).toUpperCase(java.util.Locale.ROOT), 14, true, Color.WHITE);
        }
        text(slide, page.subtitle(), new Rectangle2D.Double(MARGIN, 66, WIDTH - 2 * MARGIN, 26), 14, false, MUTED);

        double y = 104;
        for (Block block : page.blocks()) {
            y = switch (block) {
                case Facts f -> facts(slide, f, y);
                case Table t -> table(slide, t, y);
                case Charts c -> charts(show, slide, c, y);
                case Note n -> note(slide, n, y);
                case Heading h -> {
                    text(slide, h.text(), new Rectangle2D.Double(MARGIN, y, WIDTH - 2 * MARGIN, 22), 15, true, RULE);
                    yield y + 16;
                }
            } + 12;
        }
        text(slide, "CX Tracker \u00b7 Board pack \u00b7 " + pack.header().programName() + " \u00b7 as of "
                        + pack.header().asOf() + " \u00b7 " + number + " / " + of,
                new Rectangle2D.Double(MARGIN, HEIGHT - 30, WIDTH - 2 * MARGIN, 20), 9, false, MUTED);
    }

    private static double facts(XSLFSlide slide, Facts facts, double y) {
        for (String[] line : facts.lines()) {
            text(slide, line[0], new Rectangle2D.Double(MARGIN, y, 200, 26), 14, true, MUTED);
            text(slide, line[1], new Rectangle2D.Double(MARGIN + 210, y, WIDTH - 2 * MARGIN - 210, 26), 14, false, INK);
            y += 30;
        }
        return y;
    }

    private static double note(XSLFSlide slide, Note note, double y) {
        double height = 18 * Math.max(1, Math.ceil(note.text().length() / 140.0)) + 8;
        text(slide, note.text(), new Rectangle2D.Double(MARGIN, y, WIDTH - 2 * MARGIN, height), 12, false, MUTED);
        return y + height;
    }

    private static double table(XSLFSlide slide, Table t, double y) {
        XSLFTable table = slide.createTable();
        double width = WIDTH - 2 * MARGIN;
        float sum = 0;
        for (float w : t.widths()) {
            sum += w;
        }
        double[] columns = new double[t.columns().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = width * t.widths()[i] / sum;
        }
        double height = row(table, t.columns().stream().map(Cell::of).toList(), columns, true);
        for (List<Cell> cells : t.rows()) {
            height += row(table, cells, columns, false);
        }
        for (int i = 0; i < columns.length; i++) {
            table.setColumnWidth(i, columns[i]);
        }
        table.setAnchor(new Rectangle2D.Double(MARGIN, y, width, height));
        return y + height;
    }

    /** Adds a row sized for its longest cell (PowerPoint grows a row to its text, never shrinks it). */
    private static double row(XSLFTable table, List<Cell> cells, double[] columns, boolean header) {
        XSLFTableRow row = table.addRow();
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            XSLFTableCell c = row.addCell();
            c.setInsets(new org.apache.poi.sl.usermodel.Insets2D(3, 5, 3, 5));
            c.setVerticalAlignment(VerticalAlignment.MIDDLE);
            for (BorderEdge edge : BorderEdge.values()) {
                c.setBorderColor(edge, new Color(0xD0, 0xD7, 0xDE));
                c.setBorderWidth(edge, 0.75);
            }
            Color ink = INK;
            if (header) {
                c.setFillColor(HEAD);
            } else if (cell.rag() != null) {
                c.setFillColor(TrendCharts.background(cell.rag()));
                ink = TrendCharts.color(cell.rag());
            } else {
                c.setFillColor(Color.WHITE);
            }
            XSLFTextParagraph p = paragraph(c);
            run(p, cell.text(), TABLE_FONT, header || cell.rag() != null, ink);
            int perLine = Math.max(8, (int) ((columns[i] - 10) / (TABLE_FONT * 0.5)));
            lines = Math.max(lines, (int) Math.ceil((double) cell.text().length() / perLine));
        }
        double height = lines * TABLE_FONT * 1.25 + 8;
        row.setHeight(height);
        return height;
    }

    private static double charts(XMLSlideShow show, XSLFSlide slide, Charts charts, double y) {
        double w = (WIDTH - 2 * MARGIN - 20) / 2;
        double h = w * TrendCharts.HEIGHT / TrendCharts.WIDTH;
        int i = 0;
        for (Trend trend : charts.trends()) {
            XSLFPictureData data = show.addPicture(TrendCharts.png(trend), PictureData.PictureType.PNG);
            XSLFPictureShape picture = slide.createPicture(data);
            picture.setAnchor(new Rectangle2D.Double(MARGIN + (i % 2) * (w + 20), y + (i / 2) * (h + 10), w, h));
            i++;
        }
        return y + ((charts.trends().size() + 1) / 2) * (h + 10);
    }

    private static void text(XSLFSlide slide, String text, Rectangle2D anchor, double size, boolean bold, Color color) {
        XSLFTextBox box = slide.createTextBox();
        box.setAnchor(anchor);
        box.setWordWrap(true);
        box.setInsets(new org.apache.poi.sl.usermodel.Insets2D(0, 0, 0, 0));
        run(paragraph(box), text, size, bold, color);
    }

    private static XSLFTextRun run(XSLFTextParagraph p, String text, double size, boolean bold, Color color) {
        XSLFTextRun run = p.addNewTextRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontColor(color);
        run.setFontFamily(FONT);
        return run;
    }

    /** A new shape or cell comes with one empty paragraph: write into it rather than leave a blank line above. */
    private static XSLFTextParagraph paragraph(org.apache.poi.xslf.usermodel.XSLFTextShape shape) {
        return shape.getTextParagraphs().isEmpty() ? shape.addNewTextParagraph() : shape.getTextParagraphs().getFirst();
    }
}
