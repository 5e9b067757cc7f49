package io.cxtracker.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.cxtracker.domain.targets.TargetSetupService;
import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.milestone.NewMilestone;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.NewTarget;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetService;
import io.cxtracker.domain.targets.TargetSummary;
import io.cxtracker.ui.department.DepartmentView;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.admin.SetUpDrafts.InitiativeDraft;
import io.cxtracker.ui.admin.SetUpDrafts.MetricDraft;
import io.cxtracker.ui.admin.SetUpDrafts.MilestoneDraft;
import io.cxtracker.ui.admin.SetUpDrafts.ProgramDraft;
import io.cxtracker.ui.admin.SetUpDrafts.RaciDraft;
import io.cxtracker.ui.admin.SetUpDrafts.TargetDraft;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final MetricSetupService metricSetup;
    private final TargetSetupService targetSetup;
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
    public AdminView(ProgramSetupService setup, MetricSetupService metricSetup, TargetSetupService targetSetup,
            MilestoneService milestones, TargetService targets,
            DepartmentService departments, CurrentUser user) {
        this.setup = setup;
        this.metricSetup = metricSetup;
        this.targetSetup = targetSetup;
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
        program.setWidth("20rem");
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
        // vaadin-tabs (Vaadin 25) renders its tab strip's scroller as <div tabindex="-1"> inside the tablist, so the
        // tablist owns a focusable non-tab (axe: aria-required-children, critical). The tabs themselves are what the
        // keyboard reaches; in Chromium and Firefox alike a scroller holding focusable tabs needs no tabindex.
        tabs.addAttachListener(e -> tabs.getElement().executeJs("""
                customElements.whenDefined('vaadin-tabs').then(() => {
                  const strip = this.querySelector('vaadin-tabs');
                  if (strip) strip.updateComplete.then(() => strip.shadowRoot.querySelector('#scroll').removeAttribute('tabindex'));
                });"""));
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
        programGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        programGrid.setId("admin-programs");
        programGrid.addColumn(ProgramSummary::name).setHeader("Program").setFlexGrow(1);
        programGrid.addColumn(ProgramSummary::start).setHeader("Start").setAutoWidth(true);
        programGrid.addColumn(ProgramSummary::end).setHeader("End").setAutoWidth(true);
        programGrid.addColumn(p -> String.join(", ", p.phases().stream().map(ph -> ph.number() + " " + ph.name()
                + " (" + ph.start() + "–" + ph.end() + ")").toList())).setHeader("Phases").setFlexGrow(2);
        Views.pagedItems(programGrid, q -> setup.programs(Views.page(q, "name", true, Set.of("name", "start", "id"))).items().stream(),
                q -> (int) setup.programs(new PageRequest(0, 1, "name", true)).total());

        DatePicker start = new DatePicker("Start date");
        start.setId("admin-program-start");
        start.setHelperText("Three one-year phases: Transform, Optimize, Sustain");
        SetUpForm<ProgramDraft> form = new SetUpForm<>(ProgramDraft.class)
                .text("name", field(new TextField("Program name"), "admin-program-name"), Program.NAME_MAX_LENGTH, true)
                .required("startDate", start, "Give the day the program starts");
        Button create = new Button("Create program", e -> {
            if (form.submit(d -> setup.createProgram(new NewProgram(d.name(), d.startDate(), null)), "Program created")) {
                programGrid.getDataProvider().refreshAll();
                Views.fitRows(programGrid, setup.programs(new PageRequest(0, 1, "name", true)).total());
                program.setItems(setup.programs());
            }
        });
        create.setId("admin-program-save");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return page(programGrid, form.layout(), create);
    }

    // --- initiatives and RACI

    private Component initiatives() {
        initiativeGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
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

        ComboBox<Pillar> pillar = new ComboBox<>("Pillar", Pillar.values());
        pillar.setItemLabelGenerator(Pillar::title);
        IntegerField phase = new IntegerField("Phase number");
        phase.setMin(1);
        phase.setStepButtonsVisible(true);
        SetUpForm<InitiativeDraft> form = new SetUpForm<>(InitiativeDraft.class)
                .text("title", field(new TextField("Title"), "admin-initiative-title"), Initiative.TITLE_MAX_LENGTH, true)
                .text("description", field(new TextField("Description"), "admin-initiative-description"),
                        Initiative.DESCRIPTION_MAX_LENGTH, false)
                .required("pillar", pillar, "Choose the pillar")
                .required("phaseNumber", phase, "Give the phase (1 for the first)")
                .required("accountableDepartment", departmentBox("Accountable department"), "Choose the accountable department")
                .alias("phase", "phaseNumber").alias("accountable", "accountableDepartment");
        Button create = new Button("Add initiative", e -> {
            if (form.submit(d -> setup.createInitiative(new NewInitiative(programId(), d.phaseNumber(), d.pillar(), d.title(),
                    d.description(), d.accountableDepartment().code(), Map.of())), "Initiative added")) {
                initiativeGrid.getDataProvider().refreshAll();
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        ComboBox<InitiativeSummary> initiative = new ComboBox<>("Initiative");
        initiative.setItemLabelGenerator(i -> i.id() + " · " + i.title());
        initiative.setItems(q -> setup.initiatives(filter(), new PageRequest(q.getOffset(), q.getLimit(), "title", true)).items().stream()
                .filter(i -> q.getFilter().map(f -> i.title().toLowerCase().contains(f.toLowerCase())).orElse(true)));
        ComboBox<RaciRole> role = new ComboBox<>("RACI role", RaciRole.values());
        role.setItemLabelGenerator(Views::statusText);
        SetUpForm<RaciDraft> raci = new SetUpForm<>(RaciDraft.class)
                .required("initiative", initiative, "Choose the initiative")
                .required("department", departmentBox("Department"), "Choose the department")
                .required("role", role, "Choose the role");
        Button assign = new Button("Assign role", e -> {
            if (raci.submit(d -> setup.assignRaci(d.initiative().id(), d.initiative().version(), d.department().code(), d.role()),
                    "RACI role assigned")) {
                initiativeGrid.getDataProvider().refreshAll();
            }
        });
        return page(initiativeGrid, form.layout(), create,
                new Paragraph("Give a department a RACI role (Accountable hands accountability over):"), raci.layout(), assign);
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
        NumberField weight = new NumberField("Weight (optional)");
        weight.setMin(0);
        SetUpForm<MilestoneDraft> form = new SetUpForm<>(MilestoneDraft.class)
                .required("initiative", initiative, "Choose the initiative")
                .text("title", field(new TextField("Milestone title"), "admin-milestone-title"), Milestone.TITLE_MAX_LENGTH, true)
                .text("description", field(new TextField("Description"), "admin-milestone-description"), Milestone.DESCRIPTION_MAX_LENGTH,
                        false)
                .required("ownerDepartment", departmentBox("Owner department"), "Choose the owner department")
                .text("ownerPerson", field(new TextField("Owner (person)"), "admin-milestone-person"), Milestone.OWNER_PERSON_MAX_LENGTH,
                        true)
                .required("due", new DatePicker("Due"), "Give the due date")
                .optional("weight", weight)
                .alias("initiativeId", "initiative");
        Grid<io.cxtracker.domain.milestone.MilestoneView> list = new Grid<>();
        list.addColumn(io.cxtracker.domain.milestone.MilestoneView::title).setHeader("Milestone").setFlexGrow(2);
        list.addColumn(io.cxtracker.domain.milestone.MilestoneView::ownerDepartment).setHeader("Owner").setAutoWidth(true);
        list.addColumn(io.cxtracker.domain.milestone.MilestoneView::due).setHeader("Due").setAutoWidth(true);
        Views.listItems(list, List.of());
        initiative.addValueChangeListener(e -> Views.listItems(list, e.getValue() == null ? List.of() : milestones.listByInitiative(e.getValue().id())));
        Button create = new Button("Add milestone", e -> {
            InitiativeSummary chosen = initiative.getValue();
            if (form.submit(d -> milestones.create(new NewMilestone(d.initiative().id(), d.title(), d.description(),
                    d.ownerDepartment().code(), d.ownerPerson(), d.due(), List.of(), d.weight())), "Milestone added")) {
                initiative.setValue(chosen);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return page(form.layout(), create,
                new Paragraph("The initiative's milestones:"), list);
    }

    // --- metrics

    private Component metrics() {
        metricGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        metricGrid.addColumn(MetricSummary::key).setHeader("Key").setAutoWidth(true);
        metricGrid.addColumn(MetricSummary::name).setHeader("Name").setFlexGrow(1);
        metricGrid.addColumn(m -> Views.statusText(m.kind())).setHeader("Kind").setAutoWidth(true);
        metricGrid.addColumn(MetricSummary::ownerDepartment).setHeader("Owner").setAutoWidth(true);
        Views.listItems(metricGrid, metricSetup.metrics());
        ComboBox<MetricKind> kind = new ComboBox<>("Kind", MetricKind.values());
        kind.setItemLabelGenerator(Views::statusText);
        ComboBox<Direction> direction = new ComboBox<>("Better when", Direction.values());
        direction.setItemLabelGenerator(Views::statusText);
        ComboBox<ReportingFrequency> frequency = new ComboBox<>("Expected frequency", ReportingFrequency.values());
        frequency.setItemLabelGenerator(Views::statusText);
        TextField key = field(new TextField("Key"), "admin-metric-key");
        key.setHelperText("e.g. csat, nps, fdr: lower-case letters, digits and dashes");
        SetUpForm<MetricDraft> form = new SetUpForm<>(MetricDraft.class)
                .text("key", key, MetricKey.MAX_LENGTH, true)
                .text("name", field(new TextField("Name"), "admin-metric-name"), Metric.NAME_MAX_LENGTH, true)
                .text("unit", field(new TextField("Unit"), "admin-metric-unit"), Metric.UNIT_MAX_LENGTH, true)
                .required("kind", kind, "Choose how it aggregates")
                .required("direction", direction, "Choose which way is better")
                .required("ownerDepartment", departmentBox("Owner department"), "Choose the owner department")
                .required("expectedFrequency", frequency, "Choose how often it is reported");
        Button create = new Button("Define metric", e -> {
            if (form.submit(d -> metricSetup.defineMetric(new NewMetric(d.key(), d.name(), d.unit(), d.kind(), d.direction(),
                    d.ownerDepartment().code(), d.expectedFrequency())), "Metric defined")) {
                Views.listItems(metricGrid, metricSetup.metrics());
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return page(metricGrid, form.layout(), create);
    }

    // --- targets

    private Component targets() {
        targetGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
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
        metric.addFocusListener(e -> metric.setItems(metricSetup.metrics()));
        IntegerField phase = new IntegerField("Phase number (instead of a due date)");
        phase.setMin(1);
        NumberField tolerance = new NumberField("Amber tolerance (optional)");
        tolerance.setMin(0);
        IntegerField window = new IntegerField("Window in days (optional)");
        window.setMin(1);
        window.setMax(Target.MAX_WINDOW_DAYS);
        SetUpForm<TargetDraft> form = new SetUpForm<>(TargetDraft.class)
                .required("metric", metric, "Choose the metric")
                .optional("department", departmentBox("Department (empty: whole company)"))
                .required("baseline", new NumberField("Baseline"), "Give the baseline")
                .required("targetValue", new NumberField("Target value"), "Give the target value")
                .optional("due", new DatePicker("Due (or give a phase)"))
                .optional("phaseNumber", phase)
                .optional("amberTolerance", tolerance)
                .optional("windowDays", window)
                .alias("metricKey", "metric").alias("departmentCode", "department");
        Button create = new Button("Set target", e -> {
            if (form.submit(d -> targetSetup.setTarget(new NewTarget(d.metric().key(), d.department() == null ? null : d.department().code(),
                    d.baseline(), d.targetValue(), d.due(), d.due() == null ? programId() : null, d.phaseNumber(), d.amberTolerance(),
                    d.windowDays())), "Target set")) {
                targetGrid.getDataProvider().refreshAll();
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return page(targetGrid, form.layout(), create);
    }

    // --- shared bits

    private ComboBox<DepartmentSummary> departmentBox(String label) {
        ComboBox<DepartmentSummary> box = new ComboBox<>(label);
        box.setItemLabelGenerator(d -> d.name() + " (" + d.code() + ")");
        box.setClearButtonVisible(true);
        box.setItems(q -> departments.list(new PageRequest(q.getOffset(), q.getLimit(), "name", true), q.getFilter().orElse(null)).items().stream());
        return box;
    }

    private static TextField field(TextField field, String id) {
        field.setId(id);
        field.setClearButtonVisible(true);
        return field;
    }

    private static VerticalLayout page(Component... parts) {
        VerticalLayout page = new VerticalLayout(parts);
        page.setPadding(false);
        return page;
    }
}
