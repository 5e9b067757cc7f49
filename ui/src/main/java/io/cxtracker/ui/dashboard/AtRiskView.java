package io.cxtracker.ui.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
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
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.ui.accountability.AccountabilityView;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every milestone of a program that needs attention, and why, page by page: the dashboard shows the first few and
 * links here ("show all"), since a large program has hundreds. Deep link: {@code at-risk?program=<id>}.
 */
@Route(value = "at-risk", layout = MainLayout.class)
@PageTitle("At risk · CX Tracker")
public class AtRiskView extends VerticalLayout implements BeforeEnterObserver {

    private final ProgressService progress;
    private final ProgramSetupService setup;
    private final DepartmentService departments;

    @Inject
    public AtRiskView(ProgressService progress, ProgramSetupService setup, DepartmentService departments) {
        this.progress = progress;
        this.setup = setup;
        this.departments = departments;
        setId("at-risk");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<ProgramSummary> programs = setup.programs();
        Optional<ProgramSummary> chosen = Views.parameter(event.getLocation().getQueryParameters(), "program")
                .flatMap(id -> programs.stream().filter(p -> String.valueOf(p.id()).equals(id)).findFirst())
                .or(() -> programs.stream().findFirst());
        if (chosen.isEmpty()) {
            add(new H1("At risk, and why"), new Paragraph("No program has been set up yet; a program admin starts one under Admin."));
            return;
        }
        long programId = chosen.get().id();
        MilestoneFilter filter = new MilestoneFilter(programId, null, null, null, null, DashboardView.ATTENTION, null, null);
        Grid<MilestoneStatusView> grid = grid("at-risk-all", departmentNames(departments));
        grid.setHeight("calc(100vh - 14rem)");
        grid.setMinHeight("20rem");
        Set<String> sorts = Set.of("due", "title", "department");
        long total = progress.milestones(filter, new PageRequest(0, 1, "due", true)).total();
        grid.setItems(q -> progress.milestones(filter, Views.page(q, "due", true, sorts)).items().stream(), q -> (int) total);
        RouterLink back = new RouterLink("Back to the dashboard", DashboardView.class);
        back.setQueryParameters(QueryParameters.of("program", String.valueOf(programId)));
        Paragraph count = new Paragraph(total + " milestones of " + chosen.get().name() + " need attention; the earliest due first.");
        count.setId("at-risk-count");
        add(new H1("At risk, and why"), count, back, grid);
    }

    /** The department names by code, in one query (the codes are what milestones carry). */
    static Map<String, String> departmentNames(DepartmentService departments) {
        Map<String, String> names = new HashMap<>();
        departments.list(new PageRequest(0, PageRequest.MAX_LIMIT, "code", true), null).items()
                .forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    /** The columns both the dashboard's summary and this view show: the milestone (linked), department, due, status, why. */
    static Grid<MilestoneStatusView> grid(String id, Map<String, String> names) {
        Grid<MilestoneStatusView> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(v -> {
            RouterLink link = new RouterLink(v.title(), AccountabilityView.class,
                    new RouteParameters(AccountabilityView.CODE, v.ownerDepartment()));
            link.setQueryParameters(QueryParameters.of("milestone", String.valueOf(v.milestoneId())));
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
