package io.cxtracker.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.cxtracker.domain.audit.AuditQuery;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.AuditService;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.ReportService;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.DownloadProgress;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The change history with filters in the URL ({@code audit?entity=milestone&id=12&user=&department=&from=&to=}),
 * and the accountability report for download as CSV, XLSX or PDF with progress while it streams.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit and reports · CX Tracker")
public class AuditView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditService audit;
    private final ReportService reports;
    private final TextField entity = new TextField("Entity type");
    private final TextField entityId = new TextField("Entity id");
    private final TextField actor = new TextField("User");
    private final ComboBox<DepartmentSummary> department = new ComboBox<>("Department");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Grid<AuditRecord> grid = new Grid<>();
    private final DownloadProgress progress = new DownloadProgress("export-progress", "export-status", "Report export in progress");
    private final HorizontalLayout exports = new HorizontalLayout();
    private final DepartmentService departments;
    private AuditQuery query = AuditQuery.all();
    private boolean updating;

    @Inject
    public AuditView(AuditService audit, DepartmentService departments, ReportService reports, CurrentUser user) {
        this.audit = audit;
        this.departments = departments;
        this.reports = reports;
        setId("audit");
        entity.setId("audit-entity");
        entity.setPlaceholder("e.g. milestone");
        entityId.setId("audit-entity-id");
        actor.setId("audit-user");
        department.setId("audit-department");
        department.setItemLabelGenerator(DepartmentSummary::name);
        department.setClearButtonVisible(true);
        department.setItems(q -> departments.list(new PageRequest(q.getOffset(), q.getLimit(), "name", true),
                q.getFilter().orElse(null)).items().stream());
        from.setId("audit-from");
        to.setId("audit-to");
        for (TextField f : new TextField[] {entity, entityId, actor}) {
            f.setClearButtonVisible(true);
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> navigate());
        }
        department.addValueChangeListener(e -> navigate());
        from.addValueChangeListener(e -> navigate());
        to.addValueChangeListener(e -> navigate());

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grid.Column<AuditRecord> seq = grid.addColumn(AuditRecord::seq).setHeader("#").setSortProperty("seq").setAutoWidth(true);
        grid.addColumn(r -> AT.format(r.at())).setHeader("When (UTC)").setSortProperty("at").setAutoWidth(true);
        grid.addColumn(AuditRecord::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(r -> r.entityType() + " " + r.entityId()).setHeader("What").setAutoWidth(true);
        grid.addColumn(AuditRecord::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditView::changes).setHeader("Old → new").setFlexGrow(3);
        grid.setMultiSort(false);
        Set<String> sorts = Set.of("seq", "at");
        grid.setItems(q -> audit.find(query, Views.page(q, "seq", false, sorts)).items().stream(),
                q -> (int) audit.find(query, new PageRequest(0, 1, "seq", false)).total());
        grid.sort(java.util.List.of(new GridSortOrder<>(seq, SortDirection.DESCENDING)));
        grid.setHeight("28rem");

        exports.setId("exports");
        exports.setWrap(true);
        exports.setAlignItems(FlexComponent.Alignment.CENTER);
        boolean mayExport = user.has(Role.AUDITOR) || user.has(Role.EXECUTIVE) || user.has(Role.PROGRAM_ADMIN);

        FormLayout filters = new FormLayout(entity, entityId, actor, department, from, to);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2),
                new FormLayout.ResponsiveStep("60rem", 3));
        add(new H1("Audit and reports"), filters);
        if (mayExport) {
            add(new H2("Accountability report"), new Span("For the department and dates chosen above (all departments and the last year when empty)."),
                    exports, progress.bar(), progress.text());
        }
        add(new H2("Change history"), grid);
    }

    private static String changes(AuditRecord r) {
        Set<String> fields = new java.util.LinkedHashSet<>(r.oldValues().keySet());
        fields.addAll(r.newValues().keySet());
        return fields.stream().map(f -> f + ": " + r.oldValues().getOrDefault(f, "–") + " → " + r.newValues().getOrDefault(f, "–"))
                .collect(Collectors.joining("; "));
    }

    private void navigate() {
        if (updating) {
            return;
        }
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "entity", entity.getValue());
        put(p, "id", entityId.getValue());
        put(p, "user", actor.getValue());
        put(p, "department", department.getValue() == null ? null : department.getValue().code());
        put(p, "from", from.getValue() == null ? null : from.getValue().toString());
        put(p, "to", to.getValue() == null ? null : to.getValue().toString());
        getUI().ifPresent(ui -> ui.navigate(AuditView.class, QueryParameters.simple(p)));
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, value.strip());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        updating = true;
        try {
            entity.setValue(Views.parameter(q, "entity").orElse(""));
            entityId.setValue(Views.parameter(q, "id").orElse(""));
            actor.setValue(Views.parameter(q, "user").orElse(""));
            department.setValue(Views.parameter(q, "department").flatMap(departments::find).orElse(null));
            from.setValue(date(q, "from"));
            to.setValue(date(q, "to"));
        } finally {
            updating = false;
        }
        try {
            query = new AuditQuery(entity.getValue(), entityId.getValue(), actor.getValue(),
                    department.getValue() == null ? null : department.getValue().code(),
                    from.getValue() == null ? null : from.getValue().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (InvalidInputException e) {
            query = AuditQuery.all();
            Views.error("Those filters do not work together: " + Views.violations(e.violations()));
        }
        grid.getDataProvider().refreshAll();
        exportLinks();
    }

    private static LocalDate date(QueryParameters q, String name) {
        return Views.parameter(q, name).flatMap(s -> {
            try {
                return java.util.Optional.of(LocalDate.parse(s));
            } catch (java.time.format.DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
    }

    private void exportLinks() {
        exports.removeAll();
        String code = department.getValue() == null ? null : department.getValue().code();
        for (ReportFormat format : new ReportFormat[] {ReportFormat.CSV, ReportFormat.XLSX, ReportFormat.PDF}) {
            DownloadHandler handler = new ReportDownload(reports, format, code, from.getValue(), to.getValue(),
                    progress.listener("Producing", "the " + format.name() + " report", "produced"));
            Anchor link = new Anchor(handler, "Download " + format.name());
            link.setId("export-" + format.extension());
            // its accessible name begins with the words it shows, so a voice user who says what they see reaches it
            link.getElement().setAttribute("aria-label", "Download " + format.name() + ": the accountability report");
            progress.showOnClick(link, "Producing", "the " + format.name() + " report");
            link.getElement().getThemeList().add("badge");
            link.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-m)");
            exports.add(link);
        }
        Button help = new Button("What is in it?", e -> Views.success(
                "Milestones with owner, due, done, on time or late, overrides and evidence; targets with baseline, target, actual and RAG; every change; a SHA-256 digest."));
        help.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        exports.add(help);
    }
}
