package io.cxtracker.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.milestone.NewMilestone;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.target.NewTarget;
import io.cxtracker.domain.target.TargetService;
import io.cxtracker.domain.target.TargetSummary;
import io.cxtracker.ui.department.DepartmentView;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Program set-up for program admins: programs and phases, initiatives with RACI, milestones, metrics and
 * targets (departments have their own view). Each tab lists what exists and has a form calling the use-case
 * service. Deep link: {@code admin?tab=initiatives&program=<id>}.
 */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · CX Tracker")
public class AdminView extends VerticalLayout implements BeforeEnterObserver {

    private static final List<String> TABS = List.of("programs", "initiatives", "milestones", "metrics", "targets");

    private final ProgramSetupService setup;
    private final MilestoneService milestones;
    private final TargetService targets;
    private final DepartmentService departments;
    private final TabSheet tabs = new TabSheet();
    private final Grid<ProgramSummary> programGrid = new Grid<>();
    private final Grid<InitiativeSummary> initiativeGrid = new Grid<>();
    private final Grid<MetricSummary> metricGrid = new Grid<>();
    private final Grid<TargetSummary> targetGrid = new Grid<>();
    private final ComboBox<ProgramSummary> program = new ComboBox<>("Program");
    private boolean updating;

    @Inject
    public AdminView(ProgramSetupService setup, MilestoneService milestones, TargetService targets,
            DepartmentService departments, CurrentUser user) {
        this.setup = setup;
        this.milestones = milestones;
        this.targets = targets;
        this.departments = departments;
        setId("admin");
        add(new H1("Program set-up"));
        if (!user.has(Role.PROGRAM_ADMIN)) {
            add(new Paragraph("Only program admins set up the program. You can read everything it holds on the dashboard, roadmap and metrics."));
            return;
        }
        program.setId("admin-program");
        program.setItemLabelGenerator(ProgramSummary::name);
        program.addValueChangeListener(e -> {
            initiativeGrid.getDataProvider().refreshAll();
            if (!updating && e.getValue() != null) {
                navigate();
            }
        });
        tabs.setId("admin-tabs");
        tabs.add("Programs and phases", programs());
        tabs.add("Initiatives and RACI", initiatives());
        tabs.add("Milestones", milestones());
        tabs.add("Metrics", metrics());
        tabs.add("Targets", targets());
        tabs.addSelectedChangeListener(e -> navigate());
        tabs.setWidthFull();
        add(new RouterLink("Departments are set up under Departments", DepartmentView.class), program, tabs);
    }

    private void navigate() {
        if (updating) {
            return;
        }
        String tab = TABS.get(Math.max(0, tabs.getSelectedIndex()));
        QueryParameters q = program.getValue() == null ? QueryParameters.of("tab", tab)
                : QueryParameters.simple(Map.of("tab", tab, "program", String.valueOf(program.getValue().id())));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "admin?" + q.getQueryString()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (getComponentCount() < 2 || tabs.getParent().isEmpty()) {
            return;
        }
        updating = true;
        try {
            List<ProgramSummary> all = setup.programs();
            program.setItems(all);
            QueryParameters q = event.getLocation().getQueryParameters();
            program.setValue(Views.parameter(q, "program").flatMap(id -> all.stream().filter(p -> String.valueOf(p.id()).equals(id)).findFirst())
                    .orElse(all.isEmpty() ? null : all.getFirst()));
            Views.parameter(q, "tab").map(TABS::indexOf).filter(i -> i >= 0).ifPresent(tabs::setSelectedIndex);
        } finally {
            updating = false;
        }
    }

    // --- programs

    private Component programs() {
        programGrid.setId("admin-programs");
        programGrid.addColumn(ProgramSummary::name).setHeader("Program").setFlexGrow(1);
        programGrid.addColumn(ProgramSummary::start).setHeader("Start").setAutoWidth(true);
        programGrid.addColumn(ProgramSummary::end).setHeader("End").setAutoWidth(true);
        programGrid.addColumn(p -> String.join(", ", p.phases().stream().map(ph -> ph.number() + " " + ph.name()
                + " (" + ph.start() + "–" + ph.end() + ")").toList())).setHeader("Phases").setFlexGrow(2);
        programGrid.setItems(q -> setup.programs(Views.page(q, "name", true, Set.of("name", "start", "id"))).items().stream(),
                q -> (int) setup.programs(new PageRequest(0, 1, "name", true)).total());
        programGrid.setAllRowsVisible(true);

        TextField name = field(new TextField("Program name"), "admin-program-name");
        DatePicker start = new DatePicker("Start date");
        start.setId("admin-program-start");
        start.setHelperText("Three one-year phases: Transform, Optimize, Sustain");
        Button create = new Button("Create program", e -> save(() -> setup.createProgram(new NewProgram(name.getValue(), start.getValue(), null)),
                "Program created", () -> {
                    programGrid.getDataProvider().refreshAll();
                    program.setItems(setup.programs());
                }));
        create.setId("admin-program-save");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return page(programGrid, form(name, start), create);
    }

    // --- initiatives and RACI

    private Component initiatives() {
        initiativeGrid.setId("admin-initiatives");
        initiativeGrid.addColumn(InitiativeSummary::id).setHeader("Id").setSortProperty("id").setAutoWidth(true);
        initiativeGrid.addColumn(InitiativeSummary::title).setHeader("Initiative").setSortProperty("title").setFlexGrow(2);
        initiativeGrid.addColumn(i -> i.pillar().title()).setHeader("Pillar").setSortProperty("pillar").setAutoWidth(true);
        initiativeGrid.addColumn(i -> i.phaseNumber() + " " + i.phaseName()).setHeader("Phase").setSortProperty("phase").setAutoWidth(true);
        initiativeGrid.addColumn(InitiativeSummary::accountableDepartment).setHeader("Accountable").setAutoWidth(true);
        initiativeGrid.addColumn(i -> String.join(", ", i.raci().entrySet().stream().map(e -> e.getKey() + ": "
                + Views.statusText(e.getValue())).toList())).setHeader("RACI").setFlexGrow(2);
        Set<String> sorts = Set.of("id", "title", "pillar", "phase");
        initiativeGrid.setItems(q -> setup.initiatives(filter(), Views.page(q, "id", true, sorts)).items().stream(),
                q -> (int) setup.initiatives(filter(), new PageRequest(0, 1, "id", true)).total());
        initiativeGrid.setHeight("20rem");

        TextField title = field(new TextField("Title"), "admin-initiative-title");
        TextField description = field(new TextField("Description"), "admin-initiative-description");
        ComboBox<Pillar> pillar = new ComboBox<>("Pillar", Pillar.values());
        pillar.setItemLabelGenerator(Pillar::title);
        NumberField phase = new NumberField("Phase number");
        phase.setMin(1);
        phase.setStep(1);
        ComboBox<DepartmentSummary> accountable = departmentBox("Accountable department");
        Button create = new Button("Add initiative", e -> save(() -> setup.createInitiative(new NewInitiative(programId(),
                phase.getValue() == null ? null : phase.getValue().intValue(), pillar.getValue(), title.getValue(), description.getValue(),
                code(accountable), Map.of())), "Initiative added", initiativeGrid.getDataProvider()::refreshAll));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        ComboBox<InitiativeSummary> initiative = new ComboBox<>("Initiative");
        initiative.setItemLabelGenerator(i -> i.id() + " · " + i.title());
        initiative.setItems(q -> setup.initiatives(filter(), new PageRequest(q.getOffset(), q.getLimit(), "title", true)).items().stream()
                .filter(i -> q.getFilter().map(f -> i.title().toLowerCase().contains(f.toLowerCase())).orElse(true)));
        ComboBox<DepartmentSummary> department = departmentBox("Department");
        ComboBox<RaciRole> role = new ComboBox<>("RACI role", RaciRole.values());
        role.setItemLabelGenerator(Views::statusText);
        Button assign = new Button("Assign role", e -> save(() -> setup.assignRaci(initiative.getValue().id(), initiative.getValue().version(),
                code(department), role.getValue()), "RACI role assigned", initiativeGrid.getDataProvider()::refreshAll));
        return page(initiativeGrid, form(title, description, pillar, phase, accountable), create,
                new Paragraph("Give a department a RACI role (Accountable hands accountability over):"), form(initiative, department, role), assign);
    }

    private InitiativeFilter filter() {
        return new InitiativeFilter(program.getValue() == null ? null : program.getValue().id(), null, null, null);
    }

    private long programId() {
        if (program.getValue() == null) {
            throw new InvalidInputException("program", "choose a program first");
        }
        return program.getValue().id();
    }

    // --- milestones

    private Component milestones() {
        ComboBox<InitiativeSummary> initiative = new ComboBox<>("Initiative");
        initiative.setItemLabelGenerator(i -> i.id() + " · " + i.title());
        initiative.setItems(q -> setup.initiatives(filter(), new PageRequest(q.getOffset(), q.getLimit(), "title", true)).items().stream()
                .filter(i -> q.getFilter().map(f -> i.title().toLowerCase().contains(f.toLowerCase())).orElse(true)));
        TextField title = field(new TextField("Milestone title"), "admin-milestone-title");
        TextField description = field(new TextField("Description"), "admin-milestone-description");
        ComboBox<DepartmentSummary> owner = departmentBox("Owner department");
        TextField person = field(new TextField("Owner (person)"), "admin-milestone-person");
        DatePicker due = new DatePicker("Due");
        NumberField weight = new NumberField("Weight (optional)");
        Button create = new Button("Add milestone", e -> save(() -> milestones.create(new NewMilestone(
                initiative.getValue() == null ? 0 : initiative.getValue().id(), title.getValue(), description.getValue(), code(owner),
                person.getValue(), due.getValue(), List.of(), weight.getValue())), "Milestone added", () -> { }));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Grid<io.cxtracker.domain.milestone.MilestoneView> list = new Grid<>();
        list.addColumn(io.cxtracker.domain.milestone.MilestoneView::title).setHeader("Milestone").setFlexGrow(2);
        list.addColumn(io.cxtracker.domain.milestone.MilestoneView::ownerDepartment).setHeader("Owner").setAutoWidth(true);
        list.addColumn(io.cxtracker.domain.milestone.MilestoneView::due).setHeader("Due").setAutoWidth(true);
        list.setAllRowsVisible(true);
        initiative.addValueChangeListener(e -> list.setItems(e.getValue() == null ? List.of() : milestones.listByInitiative(e.getValue().id())));
        return page(form(initiative, title, description, owner, person, due, weight), create,
                new Paragraph("The initiative's milestones:"), list);
    }

    // --- metrics

    private Component metrics() {
        metricGrid.addColumn(MetricSummary::key).setHeader("Key").setAutoWidth(true);
        metricGrid.addColumn(MetricSummary::name).setHeader("Name").setFlexGrow(1);
        metricGrid.addColumn(m -> Views.statusText(m.kind())).setHeader("Kind").setAutoWidth(true);
        metricGrid.addColumn(MetricSummary::ownerDepartment).setHeader("Owner").setAutoWidth(true);
        metricGrid.setItems(setup.metrics());
        metricGrid.setAllRowsVisible(true);
        TextField key = field(new TextField("Key"), "admin-metric-key");
        TextField name = field(new TextField("Name"), "admin-metric-name");
        TextField unit = field(new TextField("Unit"), "admin-metric-unit");
        ComboBox<MetricKind> kind = new ComboBox<>("Kind", MetricKind.values());
        ComboBox<Direction> direction = new ComboBox<>("Better when", Direction.values());
        direction.setItemLabelGenerator(Views::statusText);
        ComboBox<DepartmentSummary> owner = departmentBox("Owner department");
        ComboBox<ReportingFrequency> frequency = new ComboBox<>("Expected frequency", ReportingFrequency.values());
        frequency.setItemLabelGenerator(Views::statusText);
        Button create = new Button("Define metric", e -> save(() -> setup.defineMetric(new NewMetric(key.getValue(), name.getValue(),
                unit.getValue(), kind.getValue(), direction.getValue(), code(owner), frequency.getValue())), "Metric defined",
                () -> metricGrid.setItems(setup.metrics())));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return page(metricGrid, form(key, name, unit, kind, direction, owner, frequency), create);
    }

    // --- targets

    private Component targets() {
        targetGrid.addColumn(TargetSummary::metricKey).setHeader("Metric").setSortProperty("metric").setAutoWidth(true);
        targetGrid.addColumn(t -> t.departmentCode() == null ? "Whole company" : t.departmentCode()).setHeader("Scope").setAutoWidth(true);
        targetGrid.addColumn(t -> Views.number(t.baseline()) + " → " + Views.number(t.targetValue())).setHeader("Baseline → target").setAutoWidth(true);
        targetGrid.addColumn(TargetSummary::due).setHeader("Due").setSortProperty("due").setAutoWidth(true);
        Set<String> sorts = Set.of("due", "id", "metric");
        targetGrid.setItems(q -> targets.list(null, null, Views.page(q, "due", true, sorts)).items().stream(),
                q -> (int) targets.list(null, null, new PageRequest(0, 1, "due", true)).total());
        targetGrid.setHeight("18rem");
        ComboBox<MetricSummary> metric = new ComboBox<>("Metric");
        metric.setItemLabelGenerator(m -> m.name() + " (" + m.key() + ")");
        metric.addFocusListener(e -> metric.setItems(setup.metrics()));
        ComboBox<DepartmentSummary> department = departmentBox("Department (empty: whole company)");
        NumberField baseline = new NumberField("Baseline");
        NumberField value = new NumberField("Target value");
        DatePicker due = new DatePicker("Due (or give a phase)");
        NumberField phase = new NumberField("Phase number");
        NumberField tolerance = new NumberField("Amber tolerance (optional)");
        NumberField window = new NumberField("Window in days (optional)");
        Button create = new Button("Set target", e -> save(() -> setup.setTarget(new NewTarget(
                metric.getValue() == null ? null : metric.getValue().key(), code(department), baseline.getValue(), value.getValue(),
                due.getValue(), due.getValue() == null ? programId() : null, phase.getValue() == null ? null : phase.getValue().intValue(),
                tolerance.getValue(), window.getValue() == null ? null : window.getValue().intValue())), "Target set",
                targetGrid.getDataProvider()::refreshAll));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return page(targetGrid, form(metric, department, baseline, value, due, phase, tolerance, window), create);
    }

    // --- shared bits

    private ComboBox<DepartmentSummary> departmentBox(String label) {
        ComboBox<DepartmentSummary> box = new ComboBox<>(label);
        box.setItemLabelGenerator(d -> d.name() + " (" + d.code() + ")");
        box.setClearButtonVisible(true);
        box.setItems(q -> departments.list(new PageRequest(q.getOffset(), q.getLimit(), "name", true), q.getFilter().orElse(null)).items().stream());
        return box;
    }

    private static String code(ComboBox<DepartmentSummary> box) {
        return box.getValue() == null ? null : box.getValue().code();
    }

    private static TextField field(TextField field, String id) {
        field.setId(id);
        field.setClearButtonVisible(true);
        return field;
    }

    private static FormLayout form(Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2),
                new FormLayout.ResponsiveStep("60rem", 3));
        return form;
    }

    private static VerticalLayout page(Component... parts) {
        VerticalLayout page = new VerticalLayout(parts);
        page.setPadding(false);
        return page;
    }

    /** Calls the service and turns the model's refusal into words. */
    private static void save(Supplier<?> call, String done, Runnable after) {
        try {
            call.get();
            Views.success(done);
            after.run();
        } catch (InvalidInputException e) {
            Views.error("Please correct: " + Views.violations(e.violations()));
        } catch (AlreadyExistsException e) {
            Views.error("That already exists: " + e.getMessage());
        } catch (ConcurrentUpdateException e) {
            Views.error("Someone else changed it first — reload to see their change.");
        } catch (NotFoundException | AccessDeniedException e) {
            Views.error(e.getMessage());
        }
    }
}
