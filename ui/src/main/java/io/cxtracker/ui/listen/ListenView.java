package io.cxtracker.ui.listen;

import io.cxtracker.domain.metric.MetricSetupService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.cxtracker.domain.commitment.ClosedLoop;
import io.cxtracker.domain.commitment.ClosedLoopService;
import io.cxtracker.domain.commitment.CommitmentService;
import io.cxtracker.domain.commitment.CommitmentView;
import io.cxtracker.domain.commitment.MetricChange;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.feedback.FeedbackService;
import io.cxtracker.domain.feedback.FeedbackView;
import io.cxtracker.domain.feedback.Insight;
import io.cxtracker.domain.imports.CsvFiles;
import io.cxtracker.domain.imports.ImportService;
import io.cxtracker.domain.listen.SurveyKind;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MetricSeriesService;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.progress.TargetStatusView;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.TargetService;
import io.cxtracker.domain.targets.TargetStatus;
import io.cxtracker.ui.accountability.AccountabilityView;
import io.cxtracker.ui.chart.TrendChart;
import io.cxtracker.ui.dashboard.Reasons;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.metrics.MetricCharts;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The voice of the customer and what the company did about it: survey results (NPS, CSAT, CES trends and
 * how the answers spread), the feedback themes heard most, the feedback itself, and the closed loop from an
 * insight to a commitment, its milestones and the metric before and after. Program admins import survey
 * answers and readings from CSV here, through the same import service as the API. Deep link:
 * {@code listen?department=<code>&granularity=MONTH&months=6&theme=<theme>&commitment=<id>}.
 */
@Route(value = "listen", layout = MainLayout.class)
@PageTitle("Listen · CX Tracker")
public class ListenView extends VerticalLayout implements BeforeEnterObserver {

    private static final List<Integer> PERIODS = List.of(3, 6, 12, 24);

    private final MetricSetupService setup;
    private final MetricSeriesService series;
    private final TargetService targets;
    /** Shown for an item whose text the reader may not read. */
    static final String WITHHELD = "(not shown to you: another department's customer; its theme and sentiment are here)";

    private final FeedbackService feedback;
    private final CommitmentService commitments;
    private final ClosedLoopService loops;
    private final DepartmentService departments;
    private final CurrentUser user;
    private final Clock clock;

    private final ComboBox<DepartmentSummary> department = new ComboBox<>("Department");
    private final Select<Granularity> granularity = new Select<>();
    private final Select<Integer> months = new Select<>();
    private final Div surveys = new Div();
    private final Grid<Insight> themes = new Grid<>();
    private final Span themeFilter = new Span();
    private final Grid<FeedbackView> feedbackGrid = new Grid<>();
    private final Grid<CommitmentView> commitmentGrid = new Grid<>();
    private final Div loop = new Div();
    private final CsvImport csvImport;

    private String departmentCode;
    private String theme;
    private LocalDate from;
    private LocalDate to;
    private boolean updating;

    @Inject
    public ListenView(MetricSetupService setup, MetricSeriesService series, TargetService targets, FeedbackService feedback,
            CommitmentService commitments, ClosedLoopService loops, DepartmentService departments, ImportService imports, CsvFiles csvFiles,
            CurrentUser user, Clock clock) {
        this.setup = setup;
        this.series = series;
        this.targets = targets;
        this.feedback = feedback;
        this.commitments = commitments;
        this.loops = loops;
        this.departments = departments;
        this.user = user;
        this.clock = clock;
        setId("listen");

        department.setId("listen-department");
        department.setItemLabelGenerator(DepartmentSummary::name);
        department.setClearButtonVisible(true);
        department.setPlaceholder("Whole company");
        department.setItems(q -> departments.list(new PageRequest(q.getOffset(), q.getLimit(), "name", true),
                q.getFilter().orElse(null)).items().stream());
        granularity.setId("listen-granularity");
        granularity.setLabel("Per");
        granularity.setItems(Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER);
        granularity.setItemLabelGenerator(Views::statusText);
        months.setId("listen-months");
        months.setLabel("Period");
        months.setItems(PERIODS);
        months.setItemLabelGenerator(m -> "Last " + m + " months");
        department.addValueChangeListener(e -> navigate(null, null));
        granularity.addValueChangeListener(e -> navigate(null, null));
        months.addValueChangeListener(e -> navigate(null, null));
        HorizontalLayout filters = new HorizontalLayout(department, granularity, months);
        filters.setWrap(true);

        surveys.setId("survey-results");
        surveys.setWidthFull();
        configureThemes();
        configureFeedback();
        configureCommitments();
        loop.setId("closed-loop");
        loop.setWidthFull();
        themeFilter.setId("listen-theme-filter");

        add(new H1("Listen"), filters, new H2("Survey results"), surveys, new H2("Feedback themes"), themes,
                new H2("Feedback"), themeFilter, feedbackGrid, new H2("Closing the loop"), commitmentGrid, loop);
        if (user.has(Role.PROGRAM_ADMIN)) {
            csvImport = new CsvImport(imports, csvFiles, this::refreshAfterImport);
            add(new H2("Import survey answers or readings (CSV)"), csvImport);
        } else {
            csvImport = null;
        }
    }

    private void configureThemes() {
        themes.setId("themes-grid");
        themes.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        themes.addColumn(Insight::theme).setHeader("Theme").setSortable(true).setComparator(Insight::theme).setFlexGrow(2);
        themes.addColumn(Insight::volume).setHeader("Mentions").setSortable(true)
                .setComparator(Comparator.comparingLong(Insight::volume)).setAutoWidth(true);
        themes.addColumn(i -> i.meanSentiment() == null ? "–" : Views.number(i.meanSentiment())).setHeader("Mean sentiment")
                .setSortable(true).setComparator(Comparator.comparing(i -> i.meanSentiment() == null ? 0 : i.meanSentiment()))
                .setAutoWidth(true);
        themes.addColumn(i -> i.negativeShare() == null ? "–" : Math.round(i.negativeShare() * 100) + "%").setHeader("Negative")
                .setSortable(true).setComparator(Comparator.comparing(i -> i.negativeShare() == null ? 0 : i.negativeShare()))
                .setAutoWidth(true);
        themes.addColumn(i -> Views.statusText(i.trend()) + " (" + signed(Math.round(i.trendChange() * 100)) + "%)")
                .setHeader("Trend").setAutoWidth(true);
        themes.addColumn(i -> i.departments().stream().limit(3).map(d -> d.departmentCode() + " " + d.volume())
                .collect(Collectors.joining(", "))).setHeader("Departments").setFlexGrow(2);
        themes.addColumn(Insight::openCommitments).setHeader("Open commitments").setSortable(true)
                .setComparator(Comparator.comparingLong(Insight::openCommitments)).setAutoWidth(true);
        themes.addItemClickListener(e -> navigate(e.getItem().theme(), null));
    }

    private void configureFeedback() {
        feedbackGrid.setId("feedback-grid");
        feedbackGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        feedbackGrid.addColumn(f -> f.receivedAt().atOffset(ZoneOffset.UTC).toLocalDate()).setHeader("Received")
                .setSortProperty("receivedAt").setAutoWidth(true);
        feedbackGrid.addColumn(f -> Views.statusText(f.channel())).setHeader("Channel").setAutoWidth(true);
        // the service withholds other departments' customers' words from a lead (ARCHITECTURE §1, reads): say so, not blank
        feedbackGrid.addColumn(f -> f.textWithheld() ? WITHHELD : f.text()).setHeader("What the customer said").setFlexGrow(4);
        feedbackGrid.addColumn(f -> Views.number(f.sentiment())).setHeader("Sentiment").setSortProperty("sentiment").setAutoWidth(true);
        feedbackGrid.addColumn(f -> String.join(", ", f.themes())).setHeader("Themes").setFlexGrow(1);
        feedbackGrid.addColumn(f -> f.departmentCode() == null ? "–" : f.departmentCode()).setHeader("Department").setAutoWidth(true);
        feedbackGrid.setHeight("22rem");
        Set<String> sorts = Set.of("receivedAt", "sentiment");
        feedbackGrid.setItems(q -> feedback.list(theme, departmentCode, null, from, to, Views.page(q, "receivedAt", false, sorts))
                        .items().stream(),
                q -> (int) feedback.list(theme, departmentCode, null, from, to, PageRequest.first(1)).total());
    }

    private void configureCommitments() {
        commitmentGrid.setId("commitments-grid");
        commitmentGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        commitmentGrid.addColumn(CommitmentView::theme).setHeader("Insight (theme)").setSortProperty("theme").setAutoWidth(true);
        commitmentGrid.addColumn(CommitmentView::title).setHeader("Commitment").setFlexGrow(3);
        commitmentGrid.addColumn(CommitmentView::ownerDepartment).setHeader("Owner").setAutoWidth(true);
        commitmentGrid.addColumn(CommitmentView::due).setHeader("Due").setSortProperty("due").setAutoWidth(true);
        commitmentGrid.addComponentColumn(c -> {
            Span state = new Span(Views.statusText(c.state()) + (c.overdue() ? " · overdue" : ""));
            state.getElement().setAttribute("theme", c.overdue() ? "badge error primary" : "badge");
            return state;
        }).setHeader("State").setSortProperty("state").setAutoWidth(true);
        commitmentGrid.addColumn(c -> c.milestoneIds().size()).setHeader("Milestones").setAutoWidth(true);
        Set<String> sorts = Set.of("due", "state", "theme", "createdAt");
        commitmentGrid.setItems(q -> commitments.list(theme, departmentCode, null, Views.page(q, "due", true, sorts)).items().stream(),
                q -> (int) commitments.list(theme, departmentCode, null, PageRequest.first(1)).total());
        commitmentGrid.addItemClickListener(e -> navigate(theme, e.getItem().id()));
    }

    private static String signed(long n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }

    /** Every choice goes through the URL, so what is on screen can be bookmarked and shared. */
    private void navigate(String chosenTheme, Long commitment) {
        if (updating) {
            return;
        }
        Map<String, String> p = new LinkedHashMap<>();
        if (department.getValue() != null) {
            p.put("department", department.getValue().code());
        }
        p.put("granularity", (granularity.getValue() == null ? Granularity.MONTH : granularity.getValue()).name());
        p.put("months", String.valueOf(months.getValue() == null ? 6 : months.getValue()));
        if (chosenTheme != null) {
            p.put("theme", chosenTheme);
        }
        if (commitment != null) {
            p.put("commitment", String.valueOf(commitment));
        }
        getUI().ifPresent(ui -> ui.navigate(ListenView.class, QueryParameters.simple(p)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        updating = true;
        try {
            DepartmentSummary d = Views.parameter(q, "department").flatMap(departments::find).orElse(null);
            department.setValue(d);
            departmentCode = d == null ? null : d.code();
            Granularity size = Views.parameter(q, "granularity").flatMap(ListenView::granularity)
                    .filter(g -> g != Granularity.DAY).orElse(Granularity.MONTH);
            granularity.setValue(size);
            int span = Views.parameter(q, "months").flatMap(ListenView::integer).filter(PERIODS::contains).orElse(6);
            months.setValue(span);
            theme = Views.parameter(q, "theme").orElse(null);
            to = LocalDate.now(clock);
            from = to.minusMonths(span).plusDays(1);
            showSurveys(size);
            showThemes(size);
            themeFilter.setText(theme == null ? "All themes; choose a theme above to see only its feedback and commitments."
                    : "Only the theme '" + theme + "'.");
            feedbackGrid.getDataProvider().refreshAll();
            commitmentGrid.getDataProvider().refreshAll();
            Views.fitRows(commitmentGrid, commitments.list(theme, departmentCode, null, PageRequest.first(1)).total());
            showLoop(Views.parameter(q, "commitment").flatMap(ListenView::integer).map(Integer::longValue));
        } catch (InvalidInputException e) {
            Views.error("Cannot show that: " + Views.violations(e.violations()));
        } finally {
            updating = false;
        }
    }

    private void showSurveys(Granularity size) {
        surveys.removeAll();
        Map<String, MetricSummary> metrics = setup.metrics().stream()
                .collect(Collectors.toMap(MetricSummary::key, m -> m, (a, b) -> a, LinkedHashMap::new));
        FlexLayout cards = new FlexLayout();
        cards.setId("survey-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-s)");
        FlexLayout charts = new FlexLayout();
        charts.setId("survey-charts");
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        for (SurveyKind kind : SurveyKind.values()) {
            MetricSummary metric = metrics.get(kind.metricKey());
            if (metric == null) {
                continue;
            }
            List<String> scope = departmentCode == null ? List.of() : List.of(departmentCode);
            cards.add(SurveyResults.card(kind, metric.name(), series.total(kind.metricKey(), from, to, scope)));
            List<TargetStatus> scoped = targets.ofMetric(kind.metricKey(), departmentCode);
            TargetStatus target = scoped.isEmpty() ? null : scoped.getFirst();
            TrendChart chart = new TrendChart();
            chart.setId("survey-chart-" + kind.metricKey());
            MetricCharts.draw(chart, metric.name() + " per " + size.name().toLowerCase(Locale.ROOT)
                            + (target == null ? "" : " against target " + Views.number(target.target().targetValue())),
                    series.series(kind.metricKey(), from, to, departmentCode, null, size), target);
            Div box = new Div(new H3(metric.name() + " trend"), new Paragraph(target == null ? "No target for this scope."
                    : "Target " + Views.number(target.target().targetValue()) + " by " + target.target().due() + ": "
                    + Views.ragText(target.evaluation().rag()) + " — " + target.evaluation().reason()), chart);
            box.getStyle().set("flex", "1 1 20rem").set("min-width", "16rem");
            charts.add(box);
        }
        if (cards.getComponentCount() == 0) {
            surveys.add(new Paragraph("No survey metric (nps, csat, ces) is defined yet; survey answers create their readings "
                    + "once a program admin defines them under Admin."));
        } else {
            surveys.add(cards, charts);
        }
    }

    /** The top themes of the period; a bounded top list from the service, so the grid sorts it in memory. */
    private void showThemes(Granularity size) {
        List<Insight> insights = feedback.insights(from, to, departmentCode, size, FeedbackService.DEFAULT_INSIGHTS);
        Views.listItems(themes, insights);
        themes.setEmptyStateText("No feedback in this period.");
    }

    private void showLoop(Optional<Long> chosen) {
        loop.removeAll();
        Optional<Long> id = chosen.or(() -> commitments.list(theme, departmentCode, null, PageRequest.first(1)).items().stream()
                .findFirst().map(CommitmentView::id));
        if (id.isEmpty()) {
            loop.add(new Paragraph("No commitment answers " + (theme == null ? "any insight" : "'" + theme + "'") + " yet."));
            return;
        }
        ClosedLoop l;
        try {
            l = loops.loop(id.get(), null);
        } catch (NotFoundException e) {
            Views.error("There is no commitment " + id.get() + ".");
            return;
        }
        loop.add(new H3("“" + l.commitment().title() + "”"));
        OrderedList steps = new OrderedList();
        steps.setId("loop-steps");
        Insight insight = l.insight();
        steps.add(new ListItem(new Span("Insight: "), strong(l.commitment().theme()), new Span(insight == null
                ? " — nobody mentions it any more."
                : " — " + insight.volume() + " mentions, " + (insight.negativeShare() == null ? "" : Math.round(insight.negativeShare() * 100)
                + "% negative, ") + "trend " + Views.statusText(insight.trend()).toLowerCase(Locale.ROOT) + ".")));
        CommitmentView c = l.commitment();
        steps.add(new ListItem(new Span("Commitment: "), strong(c.title()), new Span(" — " + c.ownerDepartment() + ", "
                + Views.statusText(c.state()).toLowerCase(Locale.ROOT) + ", due " + c.due()
                + (c.committedOn() == null ? "" : ", promised " + c.committedOn()) + (c.overdue() ? " (overdue)" : "") + ".")));
        ListItem milestones = new ListItem(new Span("Milestones: "));
        if (l.milestones().isEmpty()) {
            milestones.add(new Span("none linked yet."));
        }
        for (ClosedLoop.Step step : l.milestones()) {
            RouterLink link = new RouterLink(step.title(), AccountabilityView.class, AccountabilityView.of(step.ownerDepartment()));
            link.setQueryParameters(QueryParameters.of("milestone", String.valueOf(step.milestoneId())));
            link.addClassName("loop-milestone");
            Div line = new Div(link, new Span(" (" + step.ownerDepartment() + ", due " + step.due() + ", " + step.progress() + "%) "),
                    Views.status(step.status()));
            for (TargetStatusView t : step.targets()) {
                line.add(new Div(new Span(Reasons.target(t))));
            }
            milestones.add(line);
        }
        steps.add(milestones);
        ListItem metrics = new ListItem(new Span("Metric before and after (" + l.windowDays() + " days around " + l.pivot() + "): "));
        if (l.metrics().isEmpty()) {
            metrics.add(new Span("no metric is linked."));
        }
        for (MetricChange m : l.metrics()) {
            Span change = new Span(m.metricName() + (m.departmentCode() == null ? " (company)" : " (" + m.departmentCode() + ")")
                    + ": " + value(m.before()) + " → " + (m.after() == null ? "not started" : value(m.after()))
                    + (m.change() == null ? "" : " (" + (m.change() > 0 ? "+" : "") + Views.number(m.change()) + " " + m.unit() + ")"));
            Div line = new Div(change);
            if (m.improved() != null) {
                Span verdict = new Span(m.improved() ? "improved" : "not improved");
                verdict.getElement().setAttribute("theme", m.improved() ? "badge success primary" : "badge error primary");
                line.add(new Span(" "), verdict);
            }
            line.addClassName("loop-metric");
            metrics.add(line);
        }
        steps.add(metrics);
        loop.add(steps);
    }

    private static String value(MetricChange.WindowValue w) {
        return w.value() == null ? "no data" : Views.number(w.value()) + " (n=" + w.count() + ")";
    }

    private static Component strong(String text) {
        Span s = new Span(text);
        s.getStyle().set("font-weight", "600");
        return s;
    }

    /** New answers change the results on screen; the import's report stays where it is. */
    private void refreshAfterImport() {
        Granularity size = granularity.getValue() == null ? Granularity.MONTH : granularity.getValue();
        showSurveys(size);
        showThemes(size);
        feedbackGrid.getDataProvider().refreshAll();
    }

    private static Optional<Granularity> granularity(String text) {
        try {
            return Optional.of(Granularity.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
