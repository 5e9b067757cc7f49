package io.cxtracker.ui.listen;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.cxtracker.domain.listen.SurveyKind;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.StatisticsView;
import io.cxtracker.ui.shared.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the answers of one survey question spread, drawn from the statistics the readings keep (promoters,
 * passives and detractors; satisfied of all; sum and count): a stacked bar with the numbers written out,
 * so colour is never the only signal.
 */
final class SurveyResults {

    private SurveyResults() {
    }

    /** One band of a distribution: its name, how many answers fell in it, and its colour. */
    record Band(String name, long count, String colour) {
    }

    static List<Band> bands(MetricStatistics statistics) {
        List<Band> bands = new ArrayList<>();
        switch (statistics) {
            case NpsStatistics nps -> {
                bands.add(new Band("Promoters (9–10)", nps.promoters(), "var(--lumo-success-color)"));
                bands.add(new Band("Passives (7–8)", nps.passives(), "var(--lumo-contrast-40pct)"));
                bands.add(new Band("Detractors (0–6)", nps.detractors(), "var(--lumo-error-color)"));
            }
            case CsatStatistics csat -> {
                bands.add(new Band("Satisfied (4–5)", csat.satisfied(), "var(--lumo-success-color)"));
                bands.add(new Band("Not satisfied (1–3)", csat.responses() - csat.satisfied(), "var(--lumo-error-color)"));
            }
            default -> {
                // A mean score keeps only its sum and count: there is no spread to draw, only the mean.
            }
        }
        return bands;
    }

    /** The card of one question: value over the period, answers, and the distribution. */
    static Component card(SurveyKind kind, String metricName, StatisticsView total) {
        Div card = new Div();
        card.setId("survey-" + kind.metricKey());
        card.addClassName("survey-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("flex", "1 1 16rem").set("min-width", "14rem");
        Span value = new Span(total.value() == null ? "no answers" : Views.number(total.value()));
        value.addClassName("survey-value");
        value.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
        card.add(new H3(metricName + " (" + kind.name() + ")"), value,
                new Paragraph(total.count() + " answers between " + total.range().from() + " and " + total.range().to()));
        MetricStatistics statistics = total.statistics();
        List<Band> bands = bands(statistics);
        if (statistics instanceof MeanScoreStatistics mean && mean.count() > 0) {
            card.add(new Paragraph("Mean of " + mean.count() + " answers (sum " + Views.number(mean.sum())
                    + "); a mean score keeps no spread of single scores."));
        }
        long all = bands.stream().mapToLong(Band::count).sum();
        if (all > 0) {
            card.add(bar(kind, bands, all));
        }
        return card;
    }

    private static Component bar(SurveyKind kind, List<Band> bands, long all) {
        Div bar = new Div();
        bar.getElement().setAttribute("role", "img");
        StringBuilder label = new StringBuilder(kind.name() + " distribution: ");
        bar.getStyle().set("display", "flex").set("height", "1.25rem").set("border-radius", "var(--lumo-border-radius-s)")
                .set("overflow", "hidden").set("margin", "var(--lumo-space-xs) 0");
        Div legend = new Div();
        legend.addClassName("survey-distribution");
        for (Band band : bands) {
            double share = 100.0 * band.count() / all;
            Div part = new Div();
            part.getStyle().set("width", String.format(Locale.ROOT, "%.2f%%", share)).set("background", band.colour());
            bar.add(part);
            String text = band.name() + ": " + band.count() + " (" + Math.round(share) + "%)";
            label.append(text).append("; ");
            Div line = new Div(new Span(text));
            line.getStyle().set("font-size", "var(--lumo-font-size-s)");
            legend.add(line);
        }
        // a picture of the shares, named by them: a plain div may not carry a name (the legend below says it in words too)
        bar.getElement().setAttribute("role", "img");
        bar.getElement().setAttribute("aria-label", label.toString());
        return new Div(bar, legend);
    }
}
