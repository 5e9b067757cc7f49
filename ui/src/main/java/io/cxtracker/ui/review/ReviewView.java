package io.cxtracker.ui.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.review.CheckInMade;
import io.cxtracker.domain.review.GroupMovement;
import io.cxtracker.domain.review.MetricMovement;
import io.cxtracker.domain.review.MilestoneChange;
import io.cxtracker.domain.review.OverrideMade;
import io.cxtracker.domain.review.ProgramChanges;
import io.cxtracker.domain.review.RagChange;
import io.cxtracker.domain.review.ReviewMark;
import io.cxtracker.domain.review.ReviewService;
import io.cxtracker.domain.review.StatusChange;
import io.cxtracker.domain.boardpack.BoardPackService;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.ui.boardpack.BoardPackActions;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.ui.dashboard.DashboardView;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The executive review: what changed in a program between two days (default: since the last recorded
 * review, else the last 90 days), each side read as the system knew it then, with links to the dashboard
 * as of either day. Executives and program admins mark the review done. Deep link:
 * {@code review?program=<id>&from=<day>&to=<day>}.
 */
@Route(value = "review", layout = MainLayout.class)
@PageTitle("Review · CX Tracker")
public class ReviewView extends VerticalLayout implements BeforeEnterObserver {

    private final ReviewService review;
    private final BoardPackService boardPacks;
    private final ProgramSetupService setup;
    private final CurrentUser user;
    private final Clock clock;
    private final ComboBox<ProgramSummary> program = new ComboBox<>("Program");
    private final DatePicker from = new DatePicker("From (start of day, UTC)");
    private final DatePicker to = new DatePicker("To (end of day, UTC)");
    private final Div content = new Div();

    @Inject
    public ReviewView(ReviewService review, ProgramSetupService setup, CurrentUser user, Clock clock, BoardPackService boardPacks) {
        this.review = review;
        this.boardPacks = boardPacks;
        this.setup = setup;
        this.user = user;
        this.clock = clock;
        setId("review");
        program.setId("review-program");
        program.setItemLabelGenerator(ProgramSummary::name);
        program.setWidth("18rem");
        from.setId("review-from");
        from.setPlaceholder("last review");
        from.setClearButtonVisible(true);
        to.setId("review-to");
        to.setPlaceholder("now");
        to.setClearButtonVisible(true);
        LocalDate today = LocalDate.now(clock);
        from.setMax(today);
        to.setMax(today);
        Button show = new Button("Show changes", e -> navigate());
        show.setId("review-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout controls = new HorizontalLayout(program, from, to, show);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        content.setWidthFull();
        add(new H1("Review: what changed"), controls, content);
    }

    private void navigate() {
        if (program.getValue() == null) {
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("program", String.valueOf(program.getValue().id()));
        if (from.getValue() != null) {
            parameters.put("from", from.getValue().toString());
        }
        if (to.getValue() != null) {
            parameters.put("to", to.getValue().toString());
        }
        getUI().ifPresent(ui -> ui.navigate(ReviewView.class, QueryParameters.simple(parameters)));
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
        QueryParameters query = event.getLocation().getQueryParameters();
        ProgramSummary chosen = Views.parameter(query, "program")
                .flatMap(id -> programs.stream().filter(p -> String.valueOf(p.id()).equals(id)).findFirst())
                .orElse(programs.getFirst());
        program.setValue(chosen);
        LocalDate fromDay = Views.day(query, "from").orElse(null);
        LocalDate toDay = Views.day(query, "to").orElse(null);
        from.setValue(fromDay);
        to.setValue(toDay);
        try {
            show(review.changes(chosen.id(), fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    toDay == null ? null : AsOf.endOf(toDay).at()));
        } catch (InvalidInputException e) {
            Paragraph bad = new Paragraph(Views.violations(e.violations()));
            bad.setId("review-error");
            content.add(bad);
        }
    }

    private void show(ProgramChanges changes) {
        Paragraph period = new Paragraph(changes.programName() + ": from " + moment(changes.from()) + " to "
                + moment(changes.to()) + (changes.since() == null ? "" : " (the review by " + changes.since().reviewedBy()
                + (changes.since().note() == null ? "" : ": " + changes.since().note()) + ")") + ". Each side is read as "
                + "the system knew it then; later corrections do not rewrite it.");
        period.setId("review-period");
        LocalDate fromDay = LocalDate.ofInstant(changes.from(), ZoneOffset.UTC);
        LocalDate toDay = LocalDate.ofInstant(changes.to(), ZoneOffset.UTC);
        HorizontalLayout links = new HorizontalLayout(
                new Anchor(DashboardView.url(changes.programId(), fromDay), "Dashboard as of " + fromDay),
                new Anchor(DashboardView.url(changes.programId(), toDay), "Dashboard as of " + toDay));
        links.setId("review-dashboard-links");
        content.add(period, links);
        if (BoardPackActions.mayBuild(user)) {
            // the executive review ends in the board pack: one click from what changed
            content.add(new BoardPackActions(boardPacks, changes.programId(), clock));
        }
        if (user.has(Role.EXECUTIVE) || user.has(Role.PROGRAM_ADMIN)) {
            content.add(markReviewed(changes.programId()));
        }

        content.add(section("Milestones whose status changed", "status-changes", changes.statusChanges(), grid -> {
            grid.addColumn(StatusChange::title).setHeader("Milestone").setFlexGrow(2);
            grid.addColumn(StatusChange::ownerDepartment).setHeader("Department").setAutoWidth(true);
            grid.addComponentColumn(c -> c.from() == null ? new Paragraph("new") : Views.status(c.from())).setHeader("From")
                    .setAutoWidth(true);
            grid.addComponentColumn(c -> Views.status(c.to())).setHeader("To").setAutoWidth(true);
            grid.addColumn(c -> c.by() == null ? "—" : c.by()).setHeader("By").setAutoWidth(true);
            grid.addColumn(StatusChange::why).setHeader("Why").setFlexGrow(3);
            grid.addColumn(c -> c.at() == null ? "" : moment(c.at())).setHeader("When").setAutoWidth(true);
        }));
        content.add(section("Newly at risk", "new-at-risk", changes.newAtRisk(), ReviewView::milestoneColumns));
        content.add(section("Newly overdue", "new-overdue", changes.newOverdue(), ReviewView::milestoneColumns));
        content.add(section("Targets whose RAG changed", "rag-changes", changes.targetRagChanges(), grid -> {
            grid.addColumn(RagChange::metricKey).setHeader("Metric").setAutoWidth(true);
            grid.addColumn(c -> c.departmentCode() == null ? "company" : c.departmentCode()).setHeader("Scope").setAutoWidth(true);
            grid.addComponentColumn(c -> Views.rag(c.from())).setHeader("From").setAutoWidth(true);
            grid.addComponentColumn(c -> Views.rag(c.to())).setHeader("To").setAutoWidth(true);
            grid.addColumn(RagChange::reason).setHeader("Why").setFlexGrow(3);
        }));
        content.add(section("Movement by pillar and department", "group-movements", changes.groupMovements(), grid -> {
            grid.addColumn(m -> GroupMovement.PILLAR.equals(m.kind()) ? "Pillar" : "Department").setHeader("").setAutoWidth(true);
            grid.addColumn(m -> m.title() == null ? m.key() : m.title()).setHeader("Group").setFlexGrow(2);
            grid.addComponentColumn(m -> Views.rag(m.from().rag())).setHeader("RAG then").setAutoWidth(true);
            grid.addComponentColumn(m -> Views.rag(m.to().rag())).setHeader("RAG now").setAutoWidth(true);
            grid.addColumn(m -> percent(m.from().onTrackShare()) + " → " + percent(m.to().onTrackShare())
                    + " (" + signed(m.onTrackPointsMoved()) + " pts)").setHeader("On track").setAutoWidth(true);
            grid.addColumn(m -> m.from().itemCount() + " → " + m.to().itemCount()).setHeader("Milestones").setAutoWidth(true);
        }));
        content.add(section("Metric movement by pillar and department", "metric-movements", changes.metricMovements(), grid -> {
            grid.addColumn(m -> m.pillar().title()).setHeader("Pillar").setAutoWidth(true);
            grid.addColumn(m -> m.departmentCode() == null ? "company" : m.departmentCode()).setHeader("Scope").setAutoWidth(true);
            grid.addColumn(MetricMovement::metricKey).setHeader("Metric").setAutoWidth(true);
            grid.addColumn(m -> Views.number(m.from()) + " → " + Views.number(m.to())).setHeader("Value").setAutoWidth(true);
            grid.addColumn(m -> m.delta().isPresent() ? signed(m.delta().getAsDouble()) : "—").setHeader("Moved")
                    .setAutoWidth(true);
        }));
        content.add(section("Check-ins made", "check-ins-made", changes.checkIns(), grid -> {
            grid.addColumn(CheckInMade::title).setHeader("Milestone").setFlexGrow(2);
            grid.addColumn(CheckInMade::ownerDepartment).setHeader("Department").setAutoWidth(true);
            grid.addColumn(c -> Views.statusText(c.status()) + ", " + c.progress() + " %").setHeader("Reported").setAutoWidth(true);
            grid.addColumn(CheckInMade::author).setHeader("By").setAutoWidth(true);
            grid.addColumn(c -> c.comment() == null ? "" : c.comment()).setHeader("Comment").setFlexGrow(3);
            grid.addColumn(c -> moment(c.at())).setHeader("When").setAutoWidth(true);
        }));
        content.add(section("Overrides made", "overrides-made", changes.overrides(), grid -> {
            grid.addColumn(OverrideMade::title).setHeader("Milestone").setFlexGrow(2);
            grid.addColumn(o -> (o.previous() == null ? "none" : Views.statusText(o.previous())) + " → "
                    + (o.status() == null ? "cleared" : Views.statusText(o.status()))).setHeader("Override").setAutoWidth(true);
            grid.addColumn(o -> o.by() == null ? "" : o.by()).setHeader("By").setAutoWidth(true);
            grid.addColumn(o -> o.reason() == null ? "" : o.reason()).setHeader("Reason").setFlexGrow(3);
            grid.addColumn(o -> moment(o.at())).setHeader("When").setAutoWidth(true);
        }));
    }

    private Component markReviewed(long programId) {
        TextField note = new TextField("Note");
        note.setId("review-note");
        note.setMaxLength(ReviewService.NOTE_MAX_LENGTH);
        note.setWidth("24rem");
        Button mark = new Button("Mark reviewed now", e -> {
            try {
                ReviewMark done = review.markReviewed(programId, note.getValue());
                Views.success("Review recorded at " + moment(done.reviewedAt()) + "; changes now count from here.");
                getUI().ifPresent(ui -> ui.navigate(ReviewView.class, QueryParameters.of("program", String.valueOf(programId))));
            } catch (InvalidInputException ex) {
                Views.error(Views.violations(ex.violations()));
            }
        });
        mark.setId("review-mark");
        HorizontalLayout row = new HorizontalLayout(note, mark);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private static void milestoneColumns(Grid<MilestoneChange> grid) {
        grid.addColumn(MilestoneChange::title).setHeader("Milestone").setFlexGrow(2);
        grid.addColumn(MilestoneChange::ownerDepartment).setHeader("Department").setAutoWidth(true);
        grid.addColumn(MilestoneChange::due).setHeader("Due").setAutoWidth(true);
        grid.addColumn(c -> c.from() == null ? "new" : Views.statusText(c.from())).setHeader("Was").setAutoWidth(true);
        grid.addComponentColumn(c -> Views.status(c.to())).setHeader("Now").setAutoWidth(true);
    }

    private static <T> Component section(String title, String id, List<T> items, java.util.function.Consumer<Grid<T>> columns) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        columns.accept(grid);
        // a quarter of a large program changes hundreds of milestones: all rows visible only while they are few
        Views.listItems(grid, items);
        grid.setEmptyStateText("Nothing.");
        Div section = new Div(new H2(title + " (" + items.size() + ")"), grid);
        section.getStyle().set("margin-top", "var(--lumo-space-m)");
        return section;
    }

    private static String moment(Instant instant) {
        return instant.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static String signed(double value) {
        String text = Views.number(value);
        return value > 0 ? "+" + text : text;
    }
}
