package io.cxtracker.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A metric's trend against its target line and forecast (Chart.js, MIT), or a sparkline when compact.
 * The commercial Vaadin Charts are not used; the browser side is ui/src/main/frontend/cx-trend-chart.js
 * and ships in the committed production bundle.
 */
@Tag("cx-trend-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./cx-trend-chart.js")
public class TrendChart extends Component implements HasSize {

    /** One point of the chart: a label on the x axis and a value, or none for a gap. */
    public record Point(String label, OptionalDouble value, OptionalDouble forecast) {
        public static Point of(String label, double value) {
            return new Point(label, OptionalDouble.of(value), OptionalDouble.empty());
        }
    }

    public TrendChart() {
        setWidthFull();
        setHeight("16rem");
    }

    /** A sparkline: no axes, legend, target or forecast. */
    public static TrendChart sparkline() {
        TrendChart chart = new TrendChart();
        chart.getElement().setAttribute("compact", true);
        chart.setWidth("8rem");
        chart.setHeight("2rem");
        return chart;
    }

    /**
     * Draws the series.
     *
     * @param title   read by screen readers
     * @param target  the target line, or empty for none
     */
    public void show(String title, List<Point> points, OptionalDouble target) {
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> forecast = new ArrayList<>();
        boolean anyForecast = false;
        for (Point p : points) {
            labels.add(quoted(p.label()));
            values.add(number(p.value()));
            forecast.add(number(p.forecast()));
            anyForecast |= p.forecast().isPresent();
        }
        String json = "{\"title\":" + quoted(title)
                + ",\"labels\":[" + String.join(",", labels) + "]"
                + ",\"values\":[" + String.join(",", values) + "]"
                + (anyForecast ? ",\"forecast\":[" + String.join(",", forecast) + "]" : "")
                + (target.isPresent() ? ",\"target\":" + number(target) : "")
                + "}";
        getElement().setProperty("config", json);
    }

    private static String number(OptionalDouble value) {
        if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.4f", value.getAsDouble());
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : (text == null ? "" : text).toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
