package io.cxtracker.ui.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.ui.accountability.AccountabilityView;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.AsOfChoice;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The milestones of a program that a summary elsewhere stands for, page by page, each with its status and why: the
 * dashboard shows the first few needing attention and the roadmap a few per pillar and quarter, and both link here
 * ("show all") since a large program has thousands. Deep link: {@code milestones?program=<id>} with optional
 * {@code attention=true}, {@code pillar=<PILLAR>}, {@code department=<code>}, {@code from=<day>} and {@code to=<day>}
 * (due on or between), and {@code asOf=<day>} for the statuses as the system knew them at the end of that day.
 */
@Route(value = "milestones", layout = MainLayout.class)
@PageTitle("Milestones · CX Tracker")
public class MilestoneListView extends VerticalLayout implements BeforeEnterObserver {

    private final ProgressService progress;
    private final ProgramSetupService setup;
    private final DepartmentService departments;
    private final AsOfChoice asOfChoice;
    private QueryParameters shown = QueryParameters.empty();

    @Inject
    public MilestoneListView(ProgressService progress, ProgramSetupService setup, DepartmentService departments, Clock clock) {
        this.progress = progress;
        this.setup = setup;
        this.departments = departments;
        this.asOfChoice = new AsOfChoice("milestone-list-as-of", clock, this::navigate);
        setId("milestone-list");
    }

    /** To the same list as of the end of {@code day} (null: now). */
    private void navigate(LocalDate day) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(shown.getParameters());
        parameters.remove(AsOfChoice.PARAMETER);
        if (day != null) {
            parameters.put(AsOfChoice.PARAMETER, List.of(day.toString()));
        }
        getUI().ifPresent(ui -> ui.navigate(MilestoneListView.class, new QueryParameters(parameters)));
    }

    /**
     * The address of the list: the program's milestones narrowed by the given criteria (null: not narrowed), as of
     * the end of {@code asOfDay} (null: now).
     */
    public static QueryParameters query(long programId, boolean attention, Pillar pillar, String department, LocalDate from,
            LocalDate to, LocalDate asOfDay) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("program", String.valueOf(programId));
        if (attention) {
            q.put("attention", "true");
        }
        if (pillar != null) {
            q.put("pillar", pillar.name());
        }
        if (department != null) {
            q.put("department", department);
        }
        if (from != null) {
            q.put("from", from.toString());
        }
        if (to != null) {
            q.put("to", to.toString());
        }
        if (asOfDay != null) {
            q.put(AsOfChoice.PARAMETER, asOfDay.toString());
        }
        return QueryParameters.simple(q);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        QueryParameters q = event.getLocation().getQueryParameters();
        shown = q;
        asOfChoice.read(q);
        AsOf asOf = asOfChoice.asOf();
        List<ProgramSummary> programs = setup.programs();
        Optional<ProgramSummary> chosen = Views.parameter(q, "program")
                .flatMap(id -> programs.stream().filter(p -> String.valueOf(p.id()).equals(id)).findFirst())
                .or(() -> programs.stream().findFirst());
        if (chosen.isEmpty()) {
            add(new H1("Milestones"), new Paragraph("No program has been set up yet; a program admin starts one under Admin."));
            return;
        }
        long programId = chosen.get().id();
        boolean attention = Views.parameter(q, "attention").map("true"::equals).orElse(false);
        MilestoneFilter filter;
        try {
            filter = new MilestoneFilter(programId, null,
                    Views.parameter(q, "department").filter(DepartmentCode::isValid).map(DepartmentCode::new).orElse(null),
                    Views.parameter(q, "pillar").flatMap(n -> Views.constant(Pillar.class, n)).orElse(null), null,
                    attention ? DashboardView.ATTENTION : Set.of(),
                    Views.parameter(q, "from").flatMap(MilestoneListView::day).orElse(null),
                    Views.parameter(q, "to").flatMap(MilestoneListView::day).orElse(null));
        } catch (InvalidInputException e) {
            add(new H1("Milestones"), new Paragraph("Cannot show that list: " + Views.violations(e.violations())));
            return;
        }
        Grid<MilestoneStatusView> grid = grid("milestone-list-grid", departmentNames(departments), asOfChoice.day());
        grid.setHeight("calc(100vh - 16rem)");
        grid.setMinHeight("20rem");
        Set<String> sorts = Set.of("due", "title", "department");
        Function<PageRequest, Page<MilestoneStatusView>> pages = page -> asOf == null ? progress.milestones(filter, page)
                : progress.milestones(filter, page, asOf);
        long total = pages.apply(new PageRequest(0, 1, "due", true)).total();
        grid.setItems(p -> pages.apply(Views.page(p, "due", true, sorts)).items().stream(), p -> (int) total);
        RouterLink back = new RouterLink("To the dashboard", DashboardView.class);
        Map<String, String> dashboard = new LinkedHashMap<>();
        dashboard.put("program", String.valueOf(programId));
        asOfChoice.into(dashboard);
        back.setQueryParameters(QueryParameters.simple(dashboard));
        Paragraph count = new Paragraph(total + " milestones of " + chosen.get().name() + describe(filter)
                + (asOf == null ? "" : " as of the end of " + asOfChoice.day()) + "; the earliest due first.");
        count.setId("milestone-list-count");
        HorizontalLayout header = new HorizontalLayout(new H1(attention ? "Milestones needing attention, and why" : "Milestones"),
                asOfChoice.picker());
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        add(header);
        if (asOf != null) {
            add(AsOfChoice.banner(asOfChoice.day()));
        }
        add(count, back, grid);
    }

    private static String describe(MilestoneFilter f) {
        StringBuilder words = new StringBuilder();
        if (f.byStatus()) {
            words.append(" needing attention");
        }
        if (f.pillar() != null) {
            words.append(" in the pillar ").append(f.pillar().title());
        }
        if (f.department() != null) {
            words.append(" owned by ").append(f.department().value());
        }
        if (f.dueAfter() != null || f.dueBefore() != null) {
            words.append(", due ").append(f.dueAfter() == null ? "" : "from " + f.dueAfter() + " ")
                    .append(f.dueBefore() == null ? "" : "to " + f.dueBefore());
        }
        return words.toString().stripTrailing();
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The department names by code, in one query (the codes are what milestones carry). */
    static Map<String, String> departmentNames(DepartmentService departments) {
        Map<String, String> names = new HashMap<>();
        departments.list(new PageRequest(0, PageRequest.MAX_LIMIT, "code", true), null).items()
                .forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    /**
     * The columns both the dashboard's summary and this view show: the milestone (linked to its department's
     * accountability view, as of the same day), department, due, status, why.
     *
     * @param asOfDay the past day the statuses are of, null for now
     */
    static Grid<MilestoneStatusView> grid(String id, Map<String, String> names, LocalDate asOfDay) {
        Grid<MilestoneStatusView> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(v -> {
            RouterLink link = new RouterLink(v.title(), AccountabilityView.class,
                    new RouteParameters(AccountabilityView.CODE, v.ownerDepartment()));
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("milestone", String.valueOf(v.milestoneId()));
            if (asOfDay != null) {
                parameters.put(AsOfChoice.PARAMETER, asOfDay.toString());
            }
            link.setQueryParameters(QueryParameters.simple(parameters));
            link.addClassName("at-risk-link");
            return link;
        }).setHeader("Milestone").setSortProperty("title").setFlexGrow(2);
        grid.addColumn(v -> names.getOrDefault(v.ownerDepartment(), v.ownerDepartment())).setHeader("Department")
                .setSortProperty("department").setAutoWidth(true);
        grid.addColumn(MilestoneStatusView::due).setHeader("Due").setSortProperty("due").setAutoWidth(true);
        grid.addComponentColumn(v -> Views.status(v.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(Reasons::why).setHeader("Why").setFlexGrow(4);
        return grid;
    }
}
