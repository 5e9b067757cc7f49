package io.cxtracker.ui.roadmap;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.program.PhaseSummary;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.ui.accountability.AccountabilityView;
import io.cxtracker.ui.dashboard.MilestoneListView;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.AsOfChoice;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The program's years as a timeline: a column per quarter under its phase, a lane per pillar, each milestone
 * placed in the quarter it is due. Deep link: {@code roadmap?program=<id>&department=<code>&pillar=<PILLAR>}, and
 * {@code &asOf=<day>} for the plan and statuses as the system knew them at the end of that day (read-only).
 */
@Route(value = "roadmap", layout = MainLayout.class)
@PageTitle("Roadmap · CX Tracker")
public class RoadmapView extends VerticalLayout implements BeforeEnterObserver {

    /** How many milestones a pillar's quarter lists (the earliest due); the rest are behind a "+ n more" link. */
    static final int CELL_MILESTONES = 3;

    private final ProgressService progress;
    private final ProgramSetupService setup;
    private final DepartmentService departments;
    private final ComboBox<ProgramSummary> program = new ComboBox<>("Program");
    private final ComboBox<DepartmentSummary> department = new ComboBox<>("Department");
    private final ComboBox<Pillar> pillar = new ComboBox<>("Pillar");
    private final Div timeline = new Div();
    private final AsOfChoice asOfChoice;
    private boolean updating;

    @Inject
    public RoadmapView(ProgressService progress, ProgramSetupService setup, DepartmentService departments, Clock clock) {
        this.progress = progress;
        this.setup = setup;
        this.departments = departments;
        this.asOfChoice = new AsOfChoice("roadmap-as-of", clock, this::navigate);
        setId("roadmap");
        program.setId("roadmap-program");
        program.setItemLabelGenerator(ProgramSummary::name);
        program.setWidth("20rem");
        department.setId("roadmap-department");
        department.setItemLabelGenerator(DepartmentSummary::name);
        department.setClearButtonVisible(true);
        department.setPlaceholder("All departments");
        department.setItems(q -> departments.list(new PageRequest(q.getOffset(), q.getLimit(), "name", true),
                q.getFilter().orElse(null)).items().stream());
        pillar.setId("roadmap-pillar");
        pillar.setItems(Pillar.values());
        pillar.setItemLabelGenerator(Pillar::title);
        pillar.setClearButtonVisible(true);
        pillar.setPlaceholder("All pillars");
        program.addValueChangeListener(e -> navigate(asOfChoice.day()));
        department.addValueChangeListener(e -> navigate(asOfChoice.day()));
        pillar.addValueChangeListener(e -> navigate(asOfChoice.day()));
        HorizontalLayout filters = new HorizontalLayout(program, department, pillar, asOfChoice.picker());
        filters.setWrap(true);
        timeline.setWidthFull();
        add(new H1("Roadmap"), filters, timeline);
    }

    /** To the roadmap of the chosen filters as of the end of {@code asOfDay} (null: now). */
    private void navigate(LocalDate asOfDay) {
        if (updating || program.getValue() == null) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("program", String.valueOf(program.getValue().id()));
        if (department.getValue() != null) {
            parameters.put("department", department.getValue().code());
        }
        if (pillar.getValue() != null) {
            parameters.put("pillar", pillar.getValue().name());
        }
        if (asOfDay != null) {
            parameters.put(AsOfChoice.PARAMETER, asOfDay.toString());
        }
        getUI().ifPresent(ui -> ui.navigate(RoadmapView.class, QueryParameters.simple(parameters)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        List<ProgramSummary> programs = setup.programs();
        timeline.removeAll();
        updating = true;
        try {
            asOfChoice.read(q);
            if (asOfChoice.isPast()) {
                timeline.add(AsOfChoice.banner(asOfChoice.day()));
            }
            program.setItems(programs);
            if (programs.isEmpty()) {
                timeline.add(new Paragraph("No program has been set up yet."));
                return;
            }
            ProgramSummary chosen = Views.parameter(q, "program")
                    .flatMap(id -> programs.stream().filter(p -> String.valueOf(p.id()).equals(id)).findFirst())
                    .orElse(programs.getFirst());
            program.setValue(chosen);
            DepartmentSummary d = Views.parameter(q, "department").flatMap(departments::find).orElse(null);
            department.setValue(d);
            Pillar p = Views.parameter(q, "pillar").flatMap(name -> Views.constant(Pillar.class, name)).orElse(null);
            pillar.setValue(p);
            draw(chosen, d == null ? null : new DepartmentCode(d.code()), p);
        } finally {
            updating = false;
        }
    }

    private void draw(ProgramSummary chosen, DepartmentCode code, Pillar only) {
        List<LocalDate> quarters = new ArrayList<>();
        for (LocalDate q = chosen.start(); !q.isAfter(chosen.end()); q = q.plusMonths(3)) {
            quarters.add(q);
        }
        int columns = quarters.size();
        // An ARIA table laid out as a CSS grid: each row is an element of its own (role "row", display: contents, so
        // its headers and cells stay placed in the one grid), which is what assistive technology needs to read a
        // cell with its pillar and quarter. Quarter columns are wide enough for a whole word of a milestone's title:
        // on a narrow screen the table scrolls sideways inside itself rather than breaking words.
        Div grid = new Div();
        grid.setId("roadmap-grid");
        grid.getElement().setAttribute("role", "table");
        grid.getElement().setAttribute("aria-label", "Milestones by pillar and quarter of " + chosen.name());
        grid.getElement().setAttribute("aria-rowcount", String.valueOf(2 + (only == null ? Pillar.values().length : 1)));
        grid.getElement().setAttribute("aria-colcount", String.valueOf(columns + 1));
        grid.getStyle().set("display", "grid").set("grid-template-columns", "7rem repeat(" + columns + ", minmax(7.5rem, 1fr))")
                .set("gap", "2px").set("overflow-x", "auto").set("font-size", "var(--lumo-font-size-s)");
        Div phases = row(grid);
        phases.add(label("Phase", 1, 1, "columnheader"));
        for (PhaseSummary phase : chosen.phases()) {
            int from = column(chosen.start(), phase.start());
            int to = Math.min(columns, column(chosen.start(), phase.end())) + 1;
            Div head = label(phase.name() + " (" + phase.start().getYear() + "–" + phase.end().getYear() + ")", 1, from + 2,
                    "columnheader");
            head.getStyle().set("grid-column", (from + 2) + " / " + (to + 2)).set("background", "var(--lumo-primary-color-10pct)");
            head.getElement().setAttribute("aria-colindex", String.valueOf(from + 2));
            head.getElement().setAttribute("aria-colspan", String.valueOf(to - from));
            phases.add(head);
        }
        Div quarterRow = row(grid);
        quarterRow.add(label("Pillar", 2, 1, "columnheader"));
        for (int i = 0; i < columns; i++) {
            LocalDate q = quarters.get(i);
            quarterRow.add(label(q.getYear() + " Q" + ((q.getMonthValue() - 1) / 3 + 1), 2, i + 2, "columnheader"));
        }
        List<MilestoneStatusView> all = milestones(chosen.id(), code, only);
        int row = 3;
        for (Pillar p : Pillar.values()) {
            if (only != null && only != p) {
                continue;
            }
            Map<Integer, List<MilestoneStatusView>> byQuarter = new HashMap<>();
            all.stream().filter(m -> m.pillar() == p)
                    .forEach(m -> byQuarter.computeIfAbsent(Math.max(0, Math.min(columns - 1, column(chosen.start(), m.due()))),
                            k -> new ArrayList<>()).add(m));
            Div lane = row(grid);
            lane.add(label(p.title(), row, 1, "rowheader"));
            for (int i = 0; i < columns; i++) {
                Div cell = new Div();
                cell.getElement().setAttribute("role", "cell");
                cell.getStyle().set("grid-row", String.valueOf(row)).set("grid-column", String.valueOf(i + 2))
                        .set("background", "var(--lumo-contrast-5pct)").set("padding", "2px").set("min-height", "2rem")
                        .set("display", "flex").set("flex-direction", "column").set("gap", "2px");
                List<MilestoneStatusView> due = byQuarter.getOrDefault(i, List.of());
                due.stream().limit(CELL_MILESTONES).forEach(m -> cell.add(chip(m)));
                if (due.size() > CELL_MILESTONES) {
                    // milestones outside the program's quarters are drawn in the first or last one: their list is open-ended
                    LocalDate from = i == 0 ? null : quarters.get(i);
                    LocalDate to = i == columns - 1 ? null : quarters.get(i).plusMonths(3).minusDays(1);
                    String visible = "+ " + (due.size() - CELL_MILESTONES) + " more";
                    RouterLink more = new RouterLink(visible, MilestoneListView.class);
                    more.setQueryParameters(MilestoneListView.query(chosen.id(), false, p, code == null ? null : code.value(), from,
                            to, asOfChoice.day()));
                    more.addClassName("roadmap-more");
                    // the accessible name starts with the visible text (WCAG 2.5.3, label in name), then says which list
                    more.getElement().setAttribute("aria-label", visible + ": all " + due.size() + " milestones of " + p.title()
                            + " due in " + quarters.get(i).getYear() + " Q" + ((quarters.get(i).getMonthValue() - 1) / 3 + 1));
                    more.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("padding", "0 4px");
                    cell.add(more);
                }
                lane.add(cell);
            }
            row++;
        }
        timeline.add(grid);
        timeline.add(new Paragraph(all.size() + " milestones in the plan; each quarter lists the " + CELL_MILESTONES
                + " due first and links to the rest. Colour and words give each milestone's status "
                + (asOfChoice.isPast() ? "as of the end of " + asOfChoice.day() + "." : "today.")));
    }

    /** A row of the table: no box of its own, its headers and cells are placed in the grid around it. */
    private static Div row(Div grid) {
        Div row = new Div();
        row.getElement().setAttribute("role", "row");
        row.getStyle().set("display", "contents");
        grid.add(row);
        return row;
    }

    private static Div label(String text, int row, int column, String role) {
        Div d = new Div(new Span(text));
        d.getElement().setAttribute("role", role);
        d.getStyle().set("grid-row", String.valueOf(row)).set("grid-column", String.valueOf(column)).set("font-weight", "600")
                .set("padding", "2px 4px");
        return d;
    }

    private RouterLink chip(MilestoneStatusView m) {
        RouterLink link = new RouterLink(m.title(), AccountabilityView.class, AccountabilityView.of(m.ownerDepartment()));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("milestone", String.valueOf(m.milestoneId()));
        asOfChoice.into(parameters);
        link.setQueryParameters(QueryParameters.simple(parameters));
        link.addClassName("roadmap-milestone");
        String words = m.title() + ", " + m.ownerDepartment() + ", due " + m.due() + ", " + Views.statusText(m.status());
        link.getElement().setAttribute("title", words);
        link.getElement().setAttribute("aria-label", words);
        String colour = switch (Views.ragOf(m.status())) {
            case GREEN -> "var(--lumo-success-color)";
            case AMBER -> "var(--lumo-warning-color, #f0a400)";
            case RED -> "var(--lumo-error-color)";
            case NO_DATA -> "var(--lumo-contrast-40pct)";
        };
        // titles wrap between words inside their quarter, so the roadmap reads without hovering over each milestone;
        // a word is broken only when it alone is wider than the quarter, and then with a hyphen
        link.getStyle().set("display", "block").set("border-left", "4px solid " + colour).set("background", "var(--lumo-base-color)")
                .set("padding", "0 4px").set("white-space", "normal").set("overflow-wrap", "break-word")
                .set("word-break", "normal").set("hyphens", "auto")
                .set("font-size", "var(--lumo-font-size-xs)").set("line-height", "1.3");
        return link;
    }

    private static int column(LocalDate start, LocalDate day) {
        return (int) (ChronoUnit.MONTHS.between(start.withDayOfMonth(1), day.withDayOfMonth(1)) / 3);
    }

    private List<MilestoneStatusView> milestones(long programId, DepartmentCode code, Pillar only) {
        MilestoneFilter filter = new MilestoneFilter(programId, null, code, only, null, Set.of(), null, null);
        List<MilestoneStatusView> all = new ArrayList<>();
        int offset = 0;
        Page<MilestoneStatusView> page;
        do {
            PageRequest next = new PageRequest(offset, PageRequest.MAX_LIMIT, "due", true);
            page = asOfChoice.isPast() ? progress.milestones(filter, next, asOfChoice.asOf()) : progress.milestones(filter, next);
            all.addAll(page.items());
            offset += PageRequest.MAX_LIMIT;
        } while (offset < page.total());
        return all;
    }
}
