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
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The board pack as a PDF (OpenPDF, the report's library), A4 landscape, each {@link Deck} page starting
 * a new page: a coloured rule, the title with the RAG badge, the subtitle and the blocks; a footer names
 * the program, the as-of day and the page. Pages are written out as they are finished.
 */
final class PdfBoardPack {
    private static final Font TITLE = font(FontFactory.HELVETICA_BOLD, 22, PptxBoardPack.INK);
    private static final Font SUBTITLE = font(FontFactory.HELVETICA, 12, PptxBoardPack.MUTED);
    private static final Font LABEL = font(FontFactory.HELVETICA_BOLD, 12, PptxBoardPack.MUTED);
    private static final Font VALUE = font(FontFactory.HELVETICA, 12, PptxBoardPack.INK);
    private static final Font HEADING = font(FontFactory.HELVETICA_BOLD, 13, PptxBoardPack.RULE);
    private static final Font NOTE = font(FontFactory.HELVETICA, 10, PptxBoardPack.MUTED);
    private static final Font CELL = font(FontFactory.HELVETICA, 10, PptxBoardPack.INK);
    private static final Font CELL_HEAD = font(FontFactory.HELVETICA_BOLD, 10, PptxBoardPack.INK);
    private static final Font BADGE = font(FontFactory.HELVETICA_BOLD, 12, Color.WHITE);

    private PdfBoardPack() {
    }

    static void write(BoardPack pack, Deck deck, OutputStream out) {
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 30, 40);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        writer.setPageEvent(new Footer("CX Tracker \u00b7 Board pack \u00b7 " + pack.header().programName() + " \u00b7 as of "
                + pack.header().asOf() + " \u00b7 page "));
        document.addTitle("Board pack \u2014 " + pack.header().programName() + " as of " + pack.header().asOf());
        document.addAuthor(pack.header().generatedBy());
        document.addCreator("CX Tracker");
        document.addSubject("Board pack " + pack.header().packId());
        document.open();
        try {
            boolean first = true;
            for (Page page : deck.pages()) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                page(document, page);
            }
        } finally {
            document.close();
        }
    }

    private static void page(Document document, Page page) {
        PdfPTable head = new PdfPTable(page.rag() == null ? 1 : 2);
        head.setWidthPercentage(100);
        if (page.rag() != null) {
            widths(head, new float[] {82, 18});
        }
        PdfPCell title = new PdfPCell(new Phrase(page.title(), TITLE));
        title.setBorder(Rectangle.BOTTOM);
        title.setBorderColor(PptxBoardPack.RULE);
        title.setBorderWidth(2.5f);
        title.setPaddingBottom(8);
        head.addCell(title);
        if (page.rag() != null) {
            PdfPCell badge = new PdfPCell(new Phrase(Deck.ragText(page.rag()).toUpperCase(java.util.Locale.ROOT), BADGE));
            badge.setBackgroundColor(TrendCharts.color(page.rag()));
            badge.setHorizontalAlignment(Element.ALIGN_CENTER);
            badge.setVerticalAlignment(Element.ALIGN_MIDDLE);
            badge.setBorder(Rectangle.BOTTOM);
            badge.setBorderColor(PptxBoardPack.RULE);
            badge.setBorderWidth(2.5f);
            head.addCell(badge);
        }
        add(document, head);
        Paragraph subtitle = new Paragraph(page.subtitle(), SUBTITLE);
        subtitle.setSpacingBefore(6);
        subtitle.setSpacingAfter(14);
        add(document, subtitle);
        for (Block block : page.blocks()) {
            switch (block) {
                case Facts f -> facts(document, f);
                case Table t -> table(document, t);
                case Charts c -> charts(document, c);
                case Heading h -> {
                    Paragraph heading = new Paragraph(h.text(), HEADING);
                    heading.setSpacingAfter(5);
                    add(document, heading);
                }
                case Note n -> {
                    Paragraph note = new Paragraph(n.text(), NOTE);
                    note.setSpacingAfter(10);
                    add(document, note);
                }
            }
        }
    }

    private static void facts(Document document, Facts facts) {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        widths(table, new float[] {24, 76});
        for (String[] line : facts.lines()) {
            table.addCell(plain(line[0], LABEL));
            table.addCell(plain(line[1], VALUE));
        }
        table.setSpacingAfter(12);
        add(document, table);
    }

    private static PdfPCell plain(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingBottom(7);
        return cell;
    }

    private static void table(Document document, Table t) {
        PdfPTable table = new PdfPTable(t.columns().size());
        table.setWidthPercentage(100);
        widths(table, t.widths());
        table.setHeaderRows(1);
        for (String column : t.columns()) {
            PdfPCell cell = new PdfPCell(new Phrase(column, CELL_HEAD));
            cell.setBackgroundColor(PptxBoardPack.HEAD);
            style(cell);
            table.addCell(cell);
        }
        for (List<Cell> row : t.rows()) {
            for (Cell c : row) {
                Font font = c.rag() == null ? CELL : font(FontFactory.HELVETICA_BOLD, 10, TrendCharts.color(c.rag()));
                PdfPCell cell = new PdfPCell(new Phrase(c.text(), font));
                if (c.rag() != null) {
                    cell.setBackgroundColor(TrendCharts.background(c.rag()));
                }
                style(cell);
                table.addCell(cell);
            }
        }
        table.setSpacingAfter(12);
        add(document, table);
    }

    private static void style(PdfPCell cell) {
        cell.setBorderColor(new Color(0xD0, 0xD7, 0xDE));
        cell.setPadding(6);
        cell.setPaddingBottom(8);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    }

    private static void charts(Document document, Charts charts) {
        PdfPTable grid = new PdfPTable(2);
        grid.setWidthPercentage(100);
        for (Trend trend : charts.trends()) {
            try {
                Image image = Image.getInstance(TrendCharts.png(trend));
                image.scaleToFit(375, 375f * TrendCharts.HEIGHT / TrendCharts.WIDTH);
                PdfPCell cell = new PdfPCell(image, false);
                cell.setBorder(Rectangle.NO_BORDER);
                cell.setPadding(4);
                grid.addCell(cell);
            } catch (IOException e) {
                throw new IllegalStateException("could not embed the chart of " + trend.target().metricKey(), e);
            }
        }
        grid.completeRow();
        add(document, grid);
    }

    private static void widths(PdfPTable table, float[] widths) {
        try {
            table.setWidths(widths);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(Document document, Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not lay out the board pack", e);
        }
    }

    private static Font font(String name, float size, Color color) {
        Font font = FontFactory.getFont(name, size, Font.NORMAL);
        font.setColor(color);
        return font;
    }

    /** The footer of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String text;
        private final BaseFont font;

        Footer(String text) {
            this.text = text;
            try {
                this.font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("Helvetica is built into every PDF reader", e);
            }
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setFontAndSize(font, 8);
            canvas.setColorFill(PptxBoardPack.MUTED);
            canvas.setTextMatrix(document.leftMargin(), document.bottomMargin() - 22);
            canvas.showText(text + writer.getPageNumber());
            canvas.endText();
        }
    }
}
