package io.cxtracker.ui.metrics;

import io.cxtracker.ui.shared.AsOfChoice;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.progress.AsOfTargetService;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.html.Div;
import io.cxtracker.domain.metric.MetricSetupService;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MetricSeriesService;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.TargetService;
import io.cxtracker.domain.targets.TargetStatus;
import io.cxtracker.domain.targets.TargetSummary;
import io.cxtracker.ui.chart.TrendChart;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metric definitions, one metric's series by granularity, department and channel against its target, and the
 * metric's targets with their RAG. Deep link: {@code metrics?metric=<key>&granularity=MONTH&department=&channel=}, and
 * {@code &asOf=<day>} for the readings received and the targets set by the end of that day, with their verdicts then.
 */
@Route(value = "metrics", layout = MainLayout.class)
@PageTitle("Metrics · CX Tracker")
public class MetricsView extends VerticalLayout implements BeforeEnterObserver {

    private final MetricSetupService setup;
    private final MetricSeriesService series;
    private final TargetService targets;
    private final DepartmentService departments;
    private final Clock clock;
    private final Grid<MetricSummary> definitions = new Grid<>();
    private final ComboBox<MetricSummary> metric = new ComboBox<>("Metric");
    private final ComboBox<Granularity> granularity = new ComboBox<>("Granularity");
    private final ComboBox<DepartmentSummary> department = new ComboBox<>("Department");
    private final TextField channel = new TextField("Channel");
    private final TrendChart chart = new TrendChart();
    private final Paragraph verdict = new Paragraph();
    private final Div banner = new Div();
    private final Grid<TargetSummary> targetGrid = new Grid<>();
    private Map<Long, TargetStatus> verdicts = Map.of();
    private final AsOfTargetService targetsAsOf;
    private final AsOfChoice asOfChoice;
    private boolean updating;

    @Inject
    public MetricsView(MetricSetupService setup, MetricSeriesService series, TargetService targets,
            DepartmentService departments, Clock clock, AsOfTargetService targetsAsOf) {
        this.targetsAsOf = targetsAsOf;
        this.asOfChoice = new AsOfChoice("metrics-as-of", clock, this::navigate);
        this.setup = setup;
        this.series = series;
        this.targets = targets;
        this.departments = departments;
        this.clock = clock;
        setId("metrics");

        definitions.setId("metric-definitions");
        definitions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        definitions.addColumn(MetricSummary::key).setHeader("Key").setSortable(true).setComparator(MetricSummary::key).setAutoWidth(true);
        definitions.addColumn(MetricSummary::name).setHeader("Name").setSortable(true).setComparator(MetricSummary::name).setFlexGrow(1);
        definitions.addColumn(MetricSummary::unit).setHeader("Unit").setAutoWidth(true);
        definitions.addColumn(m -> Views.statusText(m.kind())).setHeader("Kind").setAutoWidth(true);
        definitions.addColumn(m -> Views.statusText(m.direction())).setHeader("Better when").setAutoWidth(true);
        definitions.addColumn(MetricSummary::ownerDepartment).setHeader("Owner").setSortable(true)
                .setComparator(MetricSummary::ownerDepartment).setAutoWidth(true);
        definitions.addItemClickListener(e -> metric.setValue(e.getItem()));

        metric.setId("metric-choice");
        metric.setItemLabelGenerator(m -> m.name() + " (" + m.key() + ")");
        granularity.setId("metric-granularity");
        granularity.setItems(Granularity.values());
        granularity.setItemLabelGenerator(Views::statusText);
        department.setId("metric-department");
        department.setItemLabelGenerator(DepartmentSummary::name);
        department.setClearButtonVisible(true);
        department.setPlaceholder("Whole company");
        department.setItems(q -> departments.list(new PageRequest(q.getOffset(), q.getLimit(), "name", true),
                q.getFilter().orElse(null)).items().stream());
        channel.setId("metric-channel");
        channel.setPlaceholder("All channels");
        channel.setClearButtonVisible(true);
        channel.setValueChangeMode(ValueChangeMode.LAZY);
        metric.addValueChangeListener(e -> navigate(asOfChoice.day()));
        granularity.addValueChangeListener(e -> navigate(asOfChoice.day()));
        department.addValueChangeListener(e -> navigate(asOfChoice.day()));
        channel.addValueChangeListener(e -> navigate(asOfChoice.day()));
        chart.setId("metric-chart");
        verdict.setId("metric-verdict");

        targetGrid.setId("metric-targets");
        targetGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        targetGrid.addColumn(t -> t.departmentCode() == null ? "Whole company" : t.departmentCode()).setHeader("Scope").setAutoWidth(true);
        targetGrid.addColumn(t -> Views.number(t.baseline())).setHeader("Baseline").setAutoWidth(true);
        targetGrid.addColumn(t -> Views.number(t.targetValue())).setHeader("Target").setAutoWidth(true);
        targetGrid.addColumn(TargetSummary::due).setHeader("Due").setSortProperty("due").setAutoWidth(true);
        targetGrid.addColumn(t -> verdict(t) == null ? "–" : Views.number(verdict(t).evaluation().current())).setHeader("Now").setAutoWidth(true);
        targetGrid.addComponentColumn(t -> verdict(t) == null ? new Paragraph("–") : Views.rag(verdict(t).evaluation().rag()))
                .setHeader("RAG").setAutoWidth(true);
        targetGrid.addColumn(t -> verdict(t) == null ? "" : verdict(t).evaluation().reason()).setHeader("Why").setFlexGrow(2);

        HorizontalLayout filters = new HorizontalLayout(metric, granularity, department, channel);
        filters.setWrap(true);
        HorizontalLayout header = new HorizontalLayout(new H1("Metrics"), asOfChoice.picker());
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        banner.setWidthFull();
        add(header, banner, new H2("Definitions"), definitions, new H2("Series"), filters, verdict, chart,
                new H2("Targets"), targetGrid);
    }

    private TargetStatus verdict(TargetSummary t) {
        return verdicts.get(t.id());
    }

    /** To the chosen series as of the end of {@code asOfDay} (null: now). */
    private void navigate(LocalDate asOfDay) {
        if (updating || metric.getValue() == null) {
            return;
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("metric", metric.getValue().key());
        p.put("granularity", (granularity.getValue() == null ? Granularity.MONTH : granularity.getValue()).name());
        if (department.getValue() != null) {
            p.put("department", department.getValue().code());
        }
        if (!channel.getValue().isBlank()) {
            p.put("channel", channel.getValue().strip());
        }
        if (asOfDay != null) {
            p.put(AsOfChoice.PARAMETER, asOfDay.toString());
        }
        getUI().ifPresent(ui -> ui.navigate(MetricsView.class, QueryParameters.simple(p)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        List<MetricSummary> all = setup.metrics().stream().sorted(Comparator.comparing(MetricSummary::key)).toList();
        updating = true;
        try {
            asOfChoice.read(q);
            banner.removeAll();
            if (asOfChoice.isPast()) {
                banner.add(AsOfChoice.banner(asOfChoice.day()));
            }
            Views.listItems(definitions, all);
            metric.setItems(all);
            if (all.isEmpty()) {
                verdict.setText("No metric is defined yet; a program admin defines them under Admin.");
                return;
            }
            MetricSummary chosen = Views.parameter(q, "metric")
                    .flatMap(k -> all.stream().filter(m -> m.key().equals(k)).findFirst()).orElse(all.getFirst());
            metric.setValue(chosen);
            Granularity size = Views.parameter(q, "granularity").flatMap(g -> {
                try {
                    return java.util.Optional.of(Granularity.valueOf(g));
                } catch (IllegalArgumentException e) {
                    return java.util.Optional.empty();
                }
            }).orElse(Granularity.MONTH);
            granularity.setValue(size);
            DepartmentSummary d = Views.parameter(q, "department").flatMap(departments::find).orElse(null);
            department.setValue(d);
            String ch = Views.parameter(q, "channel").orElse("");
            channel.setValue(ch);
            show(chosen, size, d == null ? null : d.code(), ch);
        } finally {
            updating = false;
        }
    }

    private void show(MetricSummary m, Granularity size, String code, String ch) {
        AsOf asOf = asOfChoice.asOf();
        List<TargetStatus> statuses = asOf == null ? targets.ofMetric(m.key(), code) : targetsAsOf.ofMetric(m.key(), code, asOf);
        Map<Long, TargetStatus> byId = new LinkedHashMap<>();
        statuses.forEach(s -> byId.put(s.target().id(), s));
        List<TargetStatus> everyScope = asOf == null ? targets.ofMetric(m.key(), null) : targetsAsOf.ofMetricInEveryScope(m.key(), asOf);
        everyScope.forEach(s -> byId.putIfAbsent(s.target().id(), s));
        verdicts = byId;
        TargetStatus target = statuses.isEmpty() ? null : statuses.getFirst();
        LocalDate to = asOf == null ? LocalDate.now(clock) : asOf.day();
        LocalDate from = switch (size) {
            case DAY -> to.minusDays(90);
            case WEEK -> to.minusWeeks(52);
            case MONTH -> to.minusMonths(24);
            case QUARTER -> to.minusYears(3);
        };
        try {
            MetricCharts.draw(chart, m.name() + (code == null ? "" : " · " + code) + (ch.isBlank() ? "" : " · " + ch),
                    series.series(m.key(), from, to, code, ch, size, asOf), target);
            verdict.setText(target == null ? "No target for this scope." : "Target " + Views.number(target.target().targetValue())
                    + " by " + target.target().due() + ": " + Views.ragText(target.evaluation().rag()) + " — " + target.evaluation().reason());
        } catch (InvalidInputException e) {
            Views.error("Cannot show that series: " + Views.violations(e.violations()));
        }
        String key = m.key();
        if (asOf != null) {
            // the targets set by then, with their numbers of then: the past is not paged by the database
            Views.listItems(targetGrid, everyScope.stream().map(TargetStatus::target).toList());
            return;
        }
        Set<String> sorts = Set.of("due", "id");
        Views.pagedItems(targetGrid, query -> targets.list(key, null, Views.page(query, "due", true, sorts)).items().stream(),
                query -> (int) targets.list(key, null, new PageRequest(0, 1, "due", true)).total());
    }
}
