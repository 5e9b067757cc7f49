package io.cxtracker.api.boardpack;

import io.cxtracker.domain.boardpack.BoardPack.TargetLine;
import io.cxtracker.domain.boardpack.BoardPack.Trend;
import io.cxtracker.domain.boardpack.BoardPack.TrendPoint;
import io.cxtracker.domain.boardpack.BoardPackContent;
import io.cxtracker.domain.targets.Rag;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * A headline metric's trend as a PNG at print resolution (JFreeChart, on the server, headless): the
 * monthly values, the target as a dashed line to its due date, and the forecast as a dotted line from
 * the last value to the forecast at the due date. Both formats embed the same image.
 */
final class TrendCharts {
    /** The chart's size in points on the page; the image has {@link #SCALE} pixels per point (216 dpi). */
    static final int WIDTH = 420;
    static final int HEIGHT = 205;
    static final double SCALE = 3;
    static final Color ACTUAL = new Color(0x1F, 0x4E, 0x79);
    static final Color TARGET = new Color(0x2E, 0x7D, 0x32);
    static final Color FORECAST = new Color(0xE6, 0x7E, 0x22);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 9);

    private TrendCharts() {
    }

    static byte[] png(Trend trend) {
        JFreeChart chart = chart(trend);
        int w = (int) Math.round(WIDTH * SCALE);
        int h = (int) Math.round(HEIGHT * SCALE);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart of " + trend.target().metricKey(), e);
        }
        return png.toByteArray();
    }

    static JFreeChart chart(Trend trend) {
        TargetLine t = trend.target();
        TimeSeries actual = new TimeSeries("Actual");
        trend.points().forEach(p -> actual.addOrUpdate(day(p.month()), p.value()));
        LocalDate first = trend.points().isEmpty() ? t.due().minusMonths(6) : trend.points().getFirst().month();
        LocalDate end = t.due().isAfter(first) ? t.due() : first.plusMonths(1);
        TimeSeries target = new TimeSeries("Target " + BoardPackContent.number(t.target()));
        target.add(day(first), t.target());
        target.addOrUpdate(day(end), t.target());
        TimeSeries forecast = new TimeSeries("Forecast");
        if (t.forecast().isPresent() && !trend.points().isEmpty() && t.due().isAfter(trend.points().getLast().month())) {
            TrendPoint last = trend.points().getLast();
            forecast.add(day(last.month()), last.value());
            forecast.addOrUpdate(day(t.due()), t.forecast().getAsDouble());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone(ZoneOffset.UTC));
        data.addSeries(actual);
        data.addSeries(target);
        data.addSeries(forecast);

        DateAxis time = new DateAxis();
        time.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        SimpleDateFormat months = new SimpleDateFormat("MMM yy", java.util.Locale.ENGLISH);
        months.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        time.setDateFormatOverride(months);
        time.setTickLabelFont(SMALL);
        NumberAxis values = new NumberAxis(t.unit());
        values.setAutoRangeIncludesZero(false);
        values.setTickLabelFont(SMALL);
        values.setLabelFont(SMALL);

        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, ACTUAL);
        lines.setSeriesStroke(0, new BasicStroke(2.2f));
        lines.setSeriesShapesVisible(0, true);
        lines.setSeriesPaint(1, TARGET);
        lines.setSeriesStroke(1, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        lines.setSeriesPaint(2, FORECAST);
        lines.setSeriesStroke(2, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {2, 4}, 0));

        XYPlot plot = new XYPlot(data, time, values, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
        plot.setRangeGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
        plot.setOutlineVisible(false);

        JFreeChart chart = new JFreeChart(t.metricName(), TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(SMALL);
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        TextTitle status = new TextTitle(Deck.ragText(t.rag()) + ": " + BoardPackContent.number(t.current()) + " now, target "
                + BoardPackContent.number(t.target()) + " by " + t.due()
                + (t.forecast().isPresent() ? ", forecast " + BoardPackContent.number(t.forecast()) : ""), SMALL);
        status.setPaint(color(t.rag()));
        chart.addSubtitle(status);
        return chart;
    }

    static Color color(Rag rag) {
        return switch (rag) {
            case GREEN -> new Color(0x2E, 0x7D, 0x32);
            case AMBER -> new Color(0xB2, 0x6A, 0x00);
            case RED -> new Color(0xC6, 0x28, 0x28);
            case NO_DATA -> new Color(0x61, 0x61, 0x61);
        };
    }

    static Color background(Rag rag) {
        return switch (rag) {
            case GREEN -> new Color(0xE8, 0xF5, 0xE9);
            case AMBER -> new Color(0xFF, 0xF3, 0xE0);
            case RED -> new Color(0xFF, 0xEB, 0xEE);
            case NO_DATA -> new Color(0xF5, 0xF5, 0xF5);
        };
    }

    private static Day day(LocalDate date) {
        return new Day(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()), TimeZone.getTimeZone(ZoneOffset.UTC),
                java.util.Locale.ROOT);
    }
}
