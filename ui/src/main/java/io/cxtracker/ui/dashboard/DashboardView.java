package io.cxtracker.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.boardpack.BoardPackService;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MetricSeriesService;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.progress.GroupProgress;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.ProgramProgress;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.targets.Rag;
import io.cxtracker.domain.targets.TargetService;
import io.cxtracker.domain.targets.TargetStatus;
import io.cxtracker.ui.boardpack.BoardPackActions;
import io.cxtracker.ui.chart.TrendChart;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.metrics.MetricCharts;
import io.cxtracker.ui.shared.AsOfChoice;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The executive dashboard: the program as a whole, by pillar, phase and department, a department × pillar
 * heat map, metric trends against their targets and forecasts, and what is at risk and why; executives,
 * auditors and program admins build the board pack from here. Deep link:
 * {@code dashboard?program=<id>}.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@PageTitle("Dashboard · CX Tracker")
public class DashboardView extends VerticalLayout implements BeforeEnterObserver {

    static final Set<MilestoneStatus> ATTENTION = EnumSet.of(MilestoneStatus.AT_RISK, MilestoneStatus.OFF_TRACK,
            MilestoneStatus.MISSED, MilestoneStatus.OVERDUE, MilestoneStatus.BLOCKED);
    private static final int TREND_CHARTS = 4;
    private static final int DEPARTMENT_CARDS = 12;

    private final ProgressService progress;
    private final ProgramSetupService setup;
    private final MetricSetupService metricSetup;
    private final DepartmentService departments;
    private final TargetService targets;
    private final MetricSeriesService series;
    private final Clock clock;
    private final BoardPackService boardPacks;
    private final CurrentUser user;
    private final Div boardPack = new Div();
    private final ComboBox<ProgramSummary> program = new ComboBox<>("Program");
    private final Div content = new Div();
    private final AsOfChoice asOfChoice;
    /** Null for now; else the past instant every read of this view is made as of. */
    private AsOf asOf;

    @Inject
    public DashboardView(ProgressService progress, ProgramSetupService setup, MetricSetupService metricSetup, DepartmentService departments,
            TargetService targets, MetricSeriesService series, Clock clock, BoardPackService boardPacks, CurrentUser user) {
        this.progress = progress;
        this.setup = setup;
        this.metricSetup = metricSetup;
        this.departments = departments;
        this.targets = targets;
        this.series = series;
        this.clock = clock;
        this.boardPacks = boardPacks;
        this.user = user;
        setId("dashboard");
        program.setId("dashboard-program");
        program.setItemLabelGenerator(ProgramSummary::name);
        program.setAriaLabel("Program shown on the dashboard");
        program.setWidth("20rem");
        program.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(DashboardView.class, QueryParameters.of("program", String.valueOf(e.getValue().id()))));
            }
        });
        asOfChoice = new AsOfChoice("dashboard-as-of", clock, day -> {
            if (program.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(url(program.getValue().id(), day)));
            }
        });
        content.setWidthFull();
        HorizontalLayout header = new HorizontalLayout(new H1("Executive dashboard"), program, asOfChoice.picker());
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        add(header, boardPack, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<ProgramSummary> programs = setup.programs();
        program.setItems(programs);
        content.removeAll();
        if (programs.isEmpty()) {
            content.add(new Paragraph("No program has been set up yet; a program admin starts one under Admin."));
            return;
        }
        ProgramSummary chosen = Views.parameter(event.getLocation().getQueryParameters(), "program")
                .flatMap(id -> programs.stream().filter(p -> String.valueOf(p.id()).equals(id)).findFirst())
                .orElse(programs.getFirst());
        program.setValue(chosen);
        asOfChoice.read(event.getLocation().getQueryParameters());
        asOf = asOfChoice.asOf();
        if (asOf != null) {
            content.add(AsOfChoice.banner(asOfChoice.day()));
        }
        boardPack.removeAll();
        if (BoardPackActions.mayBuild(user)) {
            boardPack.add(new BoardPackActions(boardPacks, chosen.id(), clock));
        }
        show(chosen);
    }

    private void show(ProgramSummary chosen) {
        ProgramProgress p = asOf == null ? progress.programProgress(chosen.id()) : progress.programProgress(chosen.id(), asOf);
        Map<String, String> names = MilestoneListView.departmentNames(departments);

        Span overall = Views.rag(p.program().rag());
        overall.setId("program-rag");
        HorizontalLayout summary = new HorizontalLayout(new Span(p.programName() + " as of " + p.asOf() + ":"), overall,
                new Span(Views.counts(p.program())));
        summary.setWrap(true);
        summary.setAlignItems(FlexComponent.Alignment.CENTER);
        content.add(summary);

        content.add(section("Pillars", cards("pillar", p.byPillar(), Map.of())));
        content.add(section("Phases", cards("phase", p.byPhase(), Map.of())));
        content.add(section("Departments", departmentCards(p.byDepartment(), names)));
        content.add(section("Department × pillar", heatMap(p, names)));
        if (asOf == null) {
            content.add(section("Metric trends against targets", trends(chosen)));
        } else {
            Paragraph note = new Paragraph("Metric trend charts are drawn for today only; the targets' values as of "
                    + p.asOf() + " are in each department's dashboard and in the milestones' reasons below.");
            note.setId("as-of-trends-note");
            content.add(section("Metric trends against targets", note));
        }
        content.add(section("At risk, and why", atRisk(p, names)));
    }

    private static Component section(String title, Component body) {
        Div section = new Div(new H2(title), body);
        section.getStyle().set("margin-top", "var(--lumo-space-m)");
        return section;
    }

    private static Component cards(String kind, List<GroupProgress> groups, Map<String, String> names) {
        FlexLayout row = new FlexLayout();
        row.setId(kind + "-cards");
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        for (GroupProgress g : groups) {
            String label = names.getOrDefault(g.key(), g.label() == null ? g.key() : g.label());
            Div card = new Div(new H3(label), Views.rag(g.rollUp().rag()), new Paragraph(Views.counts(g.rollUp())));
            card.addClassName("cx-card");
            card.getElement().setAttribute("role", "group");
            card.getElement().setAttribute("aria-label", kind + " " + label + ": " + Views.ragText(g.rollUp().rag())
                    + ", " + Views.counts(g.rollUp()));
            card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-width", "12rem").set("flex", "1 1 12rem");
            row.add(card);
        }
        return row;
    }

    /**
     * A card per department while they are few; a large company's fifty would bury the page, so then only the
     * departments with the largest share of their milestones' weight red, then amber, and a pointer to the table of
     * every department below.
     */
    private static Component departmentCards(List<GroupProgress> all, Map<String, String> names) {
        if (all.size() <= DEPARTMENT_CARDS) {
            return cards("department", all, names);
        }
        List<GroupProgress> worst = all.stream()
                .sorted(Comparator.comparingDouble((GroupProgress g) -> g.rollUp().redShare()).reversed()
                        .thenComparing(Comparator.comparingDouble((GroupProgress g) -> g.rollUp().amberShare()).reversed())
                        .thenComparing(GroupProgress::key))
                .limit(DEPARTMENT_CARDS).toList();
        Anchor table = new Anchor("#heat-map", "every department in the table below");
        table.setId("department-cards-all");
        Paragraph about = new Paragraph(new Span("The " + DEPARTMENT_CARDS + " of " + all.size()
                + " departments with the largest share red, then amber; "), table, new Span("."));
        return new Div(about, cards("department", worst, names));
    }

    /** A table of coloured cells with their words in them, so colour is never the only signal. */
    private static Component heatMap(ProgramProgress p, Map<String, String> names) {
        Div grid = new Div();
        grid.setId("heat-map");
        grid.getElement().setAttribute("role", "table");
        grid.getElement().setAttribute("aria-label", "Status of each department in each pillar");
        grid.getStyle().set("display", "grid").set("grid-template-columns", "minmax(8rem, 1.2fr) repeat(" + p.byPillar().size() + ", minmax(6rem, 1fr))")
                .set("gap", "2px").set("overflow-x", "auto");
        Div header = row();
        header.add(cell("Department", "columnheader", null));
        p.byPillar().forEach(pillar -> header.add(cell(pillar.label(), "columnheader", null)));
        grid.add(header);
        for (GroupProgress d : p.byDepartment()) {
            Div line = row();
            line.add(cell(names.get(d.key()), "rowheader", null));
            List<GroupProgress> byPillar = p.pillarsByDepartment().get(d.key());
            for (GroupProgress g : byPillar) {
                String text = Views.ragText(g.rollUp().rag()) + (g.rollUp().itemCount() == 0 ? "" : " · " + g.rollUp().itemCount());
                Div c = cell(text, "cell", g.rollUp().rag());
                c.getElement().setAttribute("title", names.get(d.key()) + " / " + g.label() + ": " + Views.counts(g.rollUp()));
                line.add(c);
            }
            grid.add(line);
        }
        return grid;
    }

    private static Div row() {
        Div row = new Div();
        row.getElement().setAttribute("role", "row");
        row.getStyle().set("display", "contents");
        return row;
    }

    private static Div cell(String text, String role, Rag rag) {
        Div cell = new Div(new Span(text));
        cell.getElement().setAttribute("role", role);
        cell.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-s)");
        if (rag != null) {
            cell.getStyle().set("background", switch (rag) {
                case GREEN -> "var(--lumo-success-color-10pct)";
                case AMBER -> "var(--lumo-warning-color-10pct, #fff3cd)";
                case RED -> "var(--lumo-error-color-10pct)";
                case NO_DATA -> "var(--lumo-contrast-5pct)";
            }).set("color", switch (rag) {
                case GREEN -> "var(--lumo-success-text-color)";
                case AMBER -> "var(--lumo-warning-text-color, #7a5200)";
                case RED -> "var(--lumo-error-text-color)";
                case NO_DATA -> "var(--lumo-secondary-text-color)";
            }).set("font-weight", "600");
        } else {
            cell.getStyle().set("font-weight", "600");
        }
        return cell;
    }

    private Component trends(ProgramSummary chosen) {
        FlexLayout charts = new FlexLayout();
        charts.setId("trend-charts");
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        LocalDate today = LocalDate.now(clock);
        LocalDate from = chosen.start().isAfter(today) ? today.minusMonths(12) : chosen.start();
        int shown = 0;
        for (MetricSummary metric : metricSetup.metrics()) {
            if (shown == TREND_CHARTS) {
                break;
            }
            List<TargetStatus> company = targets.ofMetric(metric.key(), null);
            if (company.isEmpty()) {
                continue;
            }
            TargetStatus target = company.getFirst();
            TrendChart chart = new TrendChart();
            String title = metric.name() + " (" + metric.unit() + ") against target " + Views.number(target.target().targetValue());
            MetricCharts.draw(chart, title, series.series(metric.key(), from, today, null, null, Granularity.MONTH), target);
            Div box = new Div(new H3(metric.name()), Views.rag(target.evaluation().rag()), new Paragraph(target.evaluation().reason()), chart);
            box.getStyle().set("flex", "1 1 22rem").set("min-width", "18rem");
            charts.add(box);
            shown++;
        }
        if (shown == 0) {
            charts.add(new Paragraph("No company-wide metric target is set yet."));
        }
        return charts;
    }

    /**
     * The first milestones needing attention (earliest due first), and a link to all of them page by page: a large
     * program has hundreds, more than a dashboard can show or a browser fetch in one go.
     */
    private Component atRisk(ProgramProgress p, Map<String, String> names) {
        Grid<MilestoneStatusView> grid = MilestoneListView.grid("at-risk-grid", names, asOfChoice.day());
        grid.getColumns().forEach(c -> c.setSortable(false));
        List<MilestoneStatusView> attention = p.attention();
        Views.listItems(grid, attention.subList(0, Math.min(Views.VISIBLE_ROWS, attention.size())));
        grid.setEmptyStateText("No milestone needs attention.");
        if (attention.size() <= Views.VISIBLE_ROWS) {
            return grid;
        }
        RouterLink all = new RouterLink("Show all " + attention.size() + " milestones needing attention", MilestoneListView.class);
        all.setQueryParameters(MilestoneListView.query(p.programId(), true, null, null, null, null, asOfChoice.day()));
        all.setId("at-risk-show-all");
        Paragraph shown = new Paragraph(new Span("The " + Views.VISIBLE_ROWS + " due first of " + attention.size() + ". "), all);
        return new Div(grid, shown);
    }

    /** The dashboard's address for a program as of the end of a past day (null: today). */
    public static String url(long programId, LocalDate asOfDay) {
        return url(programId) + (asOfDay == null ? "" : "&" + AsOfChoice.PARAMETER + "=" + asOfDay);
    }

    /** The dashboard's address for a program. */
    public static String url(long programId) {
        return RouteConfiguration.forSessionScope().getUrl(DashboardView.class) + "?program=" + programId;
    }
}
