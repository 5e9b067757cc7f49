package io.cxtracker.ui.accountability;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MetricSeriesService;
import io.cxtracker.domain.metric.SeriesBucketView;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import io.cxtracker.domain.milestone.ChangeOutcome;
import io.cxtracker.domain.milestone.CheckInView;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.PendingRequest;
import io.cxtracker.domain.milestone.RequestConflictException;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.MilestoneView;
import io.cxtracker.domain.milestone.NewCheckIn;
import io.cxtracker.domain.progress.DepartmentProgress;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.AsOfInitiativeService;
import io.cxtracker.domain.progress.AsOfTargetService;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.TargetService;
import io.cxtracker.domain.targets.TargetStatus;
import io.cxtracker.ui.chart.TrendChart;
import io.cxtracker.ui.dashboard.Reasons;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.metrics.MetricCharts;
import io.cxtracker.ui.shared.AsOfChoice;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one department is accountable for, on one screen: its milestones (overdue ones highlighted) with
 * their status and why, its targets with live values and sparklines, its RACI role per initiative, and a
 * check-in for its leads. Deep link: {@code accountability/<code>?milestone=<id>} opens that milestone;
 * {@code &asOf=<day>} shows all of it as the system knew it at the end of that day, read-only.
 */
@Route(value = "accountability/:" + AccountabilityView.CODE, layout = MainLayout.class)
public class AccountabilityView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String CODE = "code";
    static final String CONFLICT = "Someone else saved this milestone first — reload to see their change.";
    /** The order of {@link DepartmentProgress#milestones()}: due date, then id, as the lists' "due" sort. */
    private static final String DEPARTMENT_ORDER = "due";

    private final DepartmentService departments;
    private final ProgressService progress;
    private final MilestoneService milestones;
    private final TargetService targets;
    private final MetricSeriesService series;
    private final ProgramSetupService setup;
    private final MetricSetupService metricSetup;
    private final CurrentUser user;
    private final Clock clock;
    private final AsOfTargetService targetsAsOf;
    private final AsOfInitiativeService initiativesAsOf;
    private final AsOfChoice asOfChoice;
    private final Grid<MilestoneStatusView> milestoneGrid = new Grid<>();
    /**
     * The statuses {@link #beforeEnter} computed for the heading, in the grid's default order: the grid's first fetch
     * and its counts until then are cut from them instead of evaluating the department's milestones again. Dropped
     * by that fetch and by every refresh, so later pages, sorts and refreshes after a change read the service.
     */
    private List<MilestoneStatusView> computed;
    /** Counts the view's navigations, so that the rest of a page that was left is never filled in. */
    private long navigations;
    private String code = "";
    private String title = "Accountability · CX Tracker";

    @Inject
    public AccountabilityView(DepartmentService departments, ProgressService progress, MilestoneService milestones,
            TargetService targets, MetricSeriesService series, ProgramSetupService setup, MetricSetupService metricSetup, CurrentUser user, Clock clock,
            AsOfTargetService targetsAsOf, AsOfInitiativeService initiativesAsOf) {
        this.departments = departments;
        this.progress = progress;
        this.milestones = milestones;
        this.targets = targets;
        this.series = series;
        this.setup = setup;
        this.metricSetup = metricSetup;
        this.user = user;
        this.clock = clock;
        this.targetsAsOf = targetsAsOf;
        this.initiativesAsOf = initiativesAsOf;
        this.asOfChoice = new AsOfChoice("accountability-as-of", clock,
                day -> getUI().ifPresent(ui -> ui.navigate(AccountabilityView.class, of(code), AsOfChoice.query(day))));
        setId("accountability");
        configureMilestoneGrid();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        code = event.getRouteParameters().get(CODE).orElse("");
        Optional<DepartmentSummary> department = departments.find(code);
        if (department.isEmpty()) {
            add(new H1(code), new Paragraph("No department with the code '" + code + "' is registered."));
            return;
        }
        title = department.get().name() + " · accountability · CX Tracker";
        asOfChoice.read(event.getLocation().getQueryParameters());
        AsOf asOf = asOfChoice.asOf();
        DepartmentProgress mine = asOf == null ? progress.departmentProgress(code, null)
                : progress.departmentProgress(code, null, asOf);

        H1 heading = new H1(department.get().name());
        heading.setId("accountability-heading");
        Span rag = Views.rag(mine.overall().rag());
        rag.setId("department-rag");
        HorizontalLayout header = new HorizontalLayout(heading, rag, new Span(Views.counts(mine.overall())),
                asOfChoice.picker());
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        Span authority = new Span(asOf != null ? "Read-only: as of " + asOfChoice.day() + ", a record of the past."
                : mayWrite() ? "You may check in on this department's milestones."
                : "Read-only for you: the department's leads check in.");
        authority.getElement().setAttribute("theme", mayWriteNow() ? "badge success primary" : "badge contrast");
        authority.setId("accountability-authority");
        add(header);
        if (asOf != null) {
            add(AsOfChoice.banner(asOfChoice.day()));
        }
        add(authority);

        add(new H2("Milestones"), milestoneGrid);
        refreshMilestones();
        computed = mine.milestones();
        Views.fitRows(milestoneGrid, mine.milestones().size());
        FlexLayout cards = new FlexLayout();
        cards.setId("targets");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H2("Targets"), cards);
        add(new H2("Initiatives and our RACI role"), raci());
        // First paint (issue 17): the milestone rows go out in this response; the target cards (each reads 12 weeks of
        // its metric's readings and draws a sparkline with the chart chunk) in a later one, which the browser asks for
        // once it has drawn the frame after applying this one, so neither the cards' reads nor the chart chunk are in
        // the way of the view's first answer.
        long shown = ++navigations;
        getElement().executeJs("return new Promise(drawn => requestAnimationFrame(() => setTimeout(() => drawn(null))))")
                .then(ignored -> {
                    if (shown == navigations) {
                        fillTargets(cards);
                    }
                });

        Views.parameter(event.getLocation().getQueryParameters(), "milestone").ifPresent(id -> {
            try {
                long milestoneId = Long.parseLong(id);
                if (asOf == null) {
                    open(milestoneId);
                } else {
                    openAsOf(mine.milestones().stream().filter(v -> v.milestoneId() == milestoneId).findFirst()
                            .orElseThrow(() -> new NotFoundException("milestone", id)));
                }
            } catch (NumberFormatException | NotFoundException e) {
                Views.error("There is no milestone " + id + (asOf == null ? "" : " of this department as of " + asOfChoice.day()) + ".");
            }
        });
    }

    private boolean mayWrite() {
        return user.has(Role.PROGRAM_ADMIN) || (user.has(Role.DEPARTMENT_LEAD) && DepartmentCode.isValid(code)
                && user.departments().contains(new DepartmentCode(code)));
    }

    /** Whether the view offers writes: never while it shows the past, which cannot be changed. */
    private boolean mayWriteNow() {
        return !asOfChoice.isPast() && mayWrite();
    }

    private void configureMilestoneGrid() {
        milestoneGrid.setId("milestones-grid");
        milestoneGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        milestoneGrid.addColumn(MilestoneStatusView::title).setHeader("Milestone").setSortProperty("title").setFlexGrow(2);
        milestoneGrid.addColumn(MilestoneStatusView::due).setHeader("Due").setSortProperty("due").setAutoWidth(true);
        // Lit templates, not server-side components, for the two columns drawn in every row: the browser renders a
        // page of rows from their properties instead of building (and the server sending) two components per row
        // (first paint, issue 17)
        milestoneGrid.addColumn(LitRenderer.<MilestoneStatusView>of("""
                <span style="display: inline-flex; flex-wrap: wrap; gap: var(--lumo-space-xs)">\
                <span theme=${item.badge} title=${item.title}>${item.status}</span>\
                <span theme=${item.requestedBadge} class="change-requested" ?hidden=${!item.requested}>${item.requested}</span></span>""")
                .withProperty("status", v -> Views.statusText(v.status()))
                .withProperty("title", v -> "Status: " + Views.statusText(v.status()))
                .withProperty("badge", v -> Views.ragTheme(Views.ragOf(v.status())))
                .withProperty("requested", v -> v.pending().isEmpty() ? "" : v.overrideRequested() ? "override requested"
                        : "unlink requested")
                .withProperty("requestedBadge", v -> v.pending().isEmpty() ? "" : "badge contrast small"))
                .setHeader("Status").setAutoWidth(true);
        milestoneGrid.addColumn(Reasons::why).setHeader("Why").setFlexGrow(3);
        milestoneGrid.addColumn(LitRenderer.<MilestoneStatusView>of("""
                <vaadin-button theme="small" class="milestone-open" aria-label=${item.label} @click=${open}>${item.text}</vaadin-button>""")
                .withProperty("text", v -> mayWriteNow() ? "Check in" : "Details")
                .withProperty("label", v -> (mayWriteNow() ? "Check in on " : "Details of ") + v.title())
                .withFunction("open", v -> {
                    if (asOfChoice.isPast()) {
                        openAsOf(v);
                    } else {
                        open(v.milestoneId());
                    }
                }))
                .setAutoWidth(true).setFlexGrow(0);
        milestoneGrid.setPartNameGenerator(v -> v.status() == MilestoneStatus.OVERDUE ? "overdue" : null);
        milestoneGrid.addAttachListener(e -> e.getUI().getPage().executeJs("""
                if (!document.getElementById('cx-overdue-style')) {
                  const s = document.createElement('style');
                  s.id = 'cx-overdue-style';
                  s.textContent = "vaadin-grid::part(overdue) { background: var(--lumo-error-color-10pct); font-weight: 600; }";
                  document.head.appendChild(s);
                }"""));
        Set<String> sorts = Set.of("due", "title");
        milestoneGrid.setItems(q -> {
            PageRequest page = Views.page(q, "due", true, sorts);
            List<MilestoneStatusView> first = computed;
            computed = null;
            if (first != null && DEPARTMENT_ORDER.equals(page.sortProperty()) && page.ascending()) {
                return first.subList(Math.min(page.offset(), first.size()), Math.min(page.offset() + page.limit(), first.size()))
                        .stream();
            }
            return milestones(page).items().stream();
        }, q -> computed != null ? computed.size() : (int) milestones(new PageRequest(0, 1, "due", true)).total());
    }

    /** The grid reads its rows again from the service (after a change, or for a new department or day). */
    private void refreshMilestones() {
        computed = null;
        milestoneGrid.getDataProvider().refreshAll();
    }

    private Page<MilestoneStatusView> milestones(PageRequest page) {
        AsOf asOf = asOfChoice.asOf();
        return asOf == null ? progress.milestones(filter(), page) : progress.milestones(filter(), page, asOf);
    }

    private MilestoneFilter filter() {
        return MilestoneFilter.ofDepartment(new DepartmentCode(code), null);
    }

    private void fillTargets(FlexLayout cards) {
        AsOf asOf = asOfChoice.asOf();
        LocalDate today = asOf == null ? LocalDate.now(clock) : asOf.day();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        metricSetup.metrics().forEach(m -> names.put(m.key(), m.name()));
        List<TargetStatus> set = asOf == null ? targets.ofDepartment(code) : targetsAsOf.ofDepartment(code, asOf);
        // every sparkline's series in one read
        java.util.Map<String, List<SeriesBucketView>> weekly = series.seriesOfMetrics(
                set.stream().map(t -> t.target().metricKey()).toList(), today.minusWeeks(12), today, code, Granularity.WEEK, asOf);
        for (TargetStatus t : set) {
            TrendChart spark = TrendChart.sparkline();
            MetricCharts.draw(spark, t.target().metricKey() + " over the 12 weeks to " + today,
                    weekly.get(t.target().metricKey()), null);
            Div card = new Div(new H3(names.getOrDefault(t.target().metricKey(), t.target().metricKey())),
                    new HorizontalLayout(Views.rag(t.evaluation().rag()), new Span((asOf == null ? "now " : "then ")
                            + Views.number(t.evaluation().current())
                            + " · target " + Views.number(t.target().targetValue()) + " by " + t.target().due())),
                    spark, new Paragraph(t.evaluation().reason()));
            card.addClassName("target-card");
            card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("flex", "1 1 16rem");
            cards.add(card);
        }
        if (cards.getComponentCount() == 0) {
            cards.add(new Paragraph("No target is set for this department yet."));
        }
    }

    private Component raci() {
        Grid<InitiativeSummary> grid = new Grid<>();
        grid.setId("raci-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(InitiativeSummary::title).setHeader("Initiative").setSortProperty("title").setFlexGrow(2);
        grid.addColumn(i -> i.pillar().title()).setHeader("Pillar").setSortProperty("pillar").setAutoWidth(true);
        grid.addColumn(i -> i.phaseNumber() + " · " + i.phaseName()).setHeader("Phase").setSortProperty("phase").setAutoWidth(true);
        grid.addColumn(i -> Views.statusText(roleOf(i))).setHeader("Our role").setAutoWidth(true);
        InitiativeFilter filter = new InitiativeFilter(null, new DepartmentCode(code), null, null);
        Set<String> sorts = Set.of("title", "pillar", "phase", "id");
        // as of a past day: the initiatives, titles and roles of then (a RACI handed over since is not read back)
        AsOf asOf = asOfChoice.asOf();
        java.util.function.Function<PageRequest, Page<InitiativeSummary>> initiatives = asOf == null
                ? page -> setup.initiatives(filter, page)
                : page -> initiativesAsOf.initiatives(filter, page, asOf);
        Views.pagedItems(grid, q -> initiatives.apply(Views.page(q, "phase", true, sorts)).items().stream(),
                q -> (int) initiatives.apply(new PageRequest(0, 1, "id", true)).total());
        return grid;
    }

    private RaciRole roleOf(InitiativeSummary i) {
        return code.equals(i.accountableDepartment()) ? RaciRole.ACCOUNTABLE : i.raci().getOrDefault(code, RaciRole.INFORMED);
    }

    /** Opens a milestone: its status and why, and for those who may, a check-in against the version seen now. */
    private void open(long id) {
        MilestoneView seen = milestones.get(id);
        MilestoneStatusView status = progress.milestoneStatus(id);
        Dialog dialog = new Dialog();
        dialog.setId("milestone-dialog");
        dialog.setHeaderTitle(seen.title());
        dialog.setWidth("min(44rem, 95vw)");
        Paragraph why = new Paragraph(Reasons.why(status));
        why.setId("milestone-why");
        dialog.add(new HorizontalLayout(Views.status(status.status()), new Span("Due " + seen.due() + " · progress "
                + seen.progress() + "% · " + seen.checkInCount() + " check-ins")), why);
        if (!code.equals(seen.ownerDepartment())) {
            dialog.add(new Paragraph("Owned by " + seen.ownerDepartment() + "."));
        }
        if (mayWrite() && code.equals(seen.ownerDepartment())) {
            CheckInForm form = new CheckInForm();
            CheckInDraft draft = new CheckInDraft();
            draft.setStatus(seen.reportedStatus());
            draft.setProgress(seen.progress());
            draft.setEvidence(String.join("\n", seen.evidence()));
            form.edit(draft);
            long versionSeen = seen.version();
            form.addSaveListener(e -> checkIn(dialog, form, id, versionSeen, e.draft()));
            form.addCancelListener(e -> dialog.close());
            dialog.add(form, overrideSection(dialog, seen, status));
        } else {
            Button close = new Button("Close", e -> dialog.close());
            close.setId("milestone-close");
            dialog.getFooter().add(close);
        }
        dialog.addDialogCloseActionListener(e -> {
            dialog.close();
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                    "accountability/" + code));
        });
        // a closed dialog leaves the view, so reopening a milestone never stacks stale forms
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(dialog);
                returnFocus((mayWrite() ? "Check in on " : "Details of ") + seen.title());
            }
        });
        add(dialog);
        dialog.open();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                "accountability/" + code + "?" + QueryParameters.of("milestone", String.valueOf(id)).getQueryString()));
    }

    /**
     * Opens a milestone as it stood at the view's as-of instant: its status then and why, and the check-ins made by
     * then. Nothing in it changes anything: the past is a record.
     */
    private void openAsOf(MilestoneStatusView then) {
        AsOf asOf = asOfChoice.asOf();
        List<CheckInView> checkIns = milestones.checkIns(then.milestoneId(), asOf);
        Dialog dialog = new Dialog();
        dialog.setId("milestone-dialog");
        dialog.setHeaderTitle(then.title() + " · as of " + asOfChoice.day());
        dialog.setWidth("min(44rem, 95vw)");
        Paragraph why = new Paragraph(Reasons.why(then));
        why.setId("milestone-why");
        dialog.add(new HorizontalLayout(Views.status(then.status()), new Span("Due " + then.due() + " · "
                + checkIns.size() + " check-ins by then")), why);
        if (!checkIns.isEmpty()) {
            CheckInView last = checkIns.getLast();
            Paragraph latest = new Paragraph("Latest check-in by then: " + Views.statusText(last.status()) + ", "
                    + last.progress() + "% by " + last.author() + " at " + last.at()
                    + (last.comment() == null || last.comment().isBlank() ? "" : " — " + last.comment()));
            latest.setId("milestone-latest-check-in");
            dialog.add(latest);
        }
        Button close = new Button("Close", e -> dialog.close());
        close.setId("milestone-close");
        dialog.getFooter().add(close);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(dialog);
                returnFocus("Details of " + then.title());
            }
        });
        add(dialog);
        dialog.open();
    }

    /**
     * Puts the keyboard focus back on the button that opened the milestone once its dialog closes. The dialog would
     * return it to the button it remembers, but a check-in refreshes the grid, which renders new buttons: the
     * remembered one is gone and focus would fall to the page's start. Looked up by its accessible name once the
     * grid has rendered again (tried for up to two seconds); nothing happens when the milestone is no longer listed.
     */
    private void returnFocus(String buttonName) {
        getUI().ifPresent(ui -> ui.getPage().executeJs("""
                const name = $0;
                let tries = 0;
                const find = () => {
                  const button = Array.from(document.querySelectorAll('vaadin-button.milestone-open'))
                      .find(b => b.getAttribute('aria-label') === name);
                  if (button) {
                    button.focus();
                  } else if (tries++ < 20) {
                    setTimeout(find, 100);
                  }
                };
                setTimeout(find, 50);""", buttonName));
    }

    /**
     * Overriding the status and unlinking targets. A lead's is sent for approval (four eyes) and shown as waiting; a
     * program admin's applies at once. Either way the service decides; this only says which to expect.
     */
    private Component overrideSection(Dialog dialog, MilestoneView seen, MilestoneStatusView status) {
        boolean applies = user.has(Role.PROGRAM_ADMIN);
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setId("override-section");
        section.getStyle().set("border-top", "1px solid var(--lumo-contrast-10pct)").set("margin-top", "var(--lumo-space-m)");
        section.add(new H3("Override the status"));
        for (PendingRequest p : status.pending()) {
            Span waiting = new Span(Reasons.pending(status, p));
            waiting.getElement().setAttribute("theme", "badge contrast");
            waiting.addClassName("pending-request");
            section.add(waiting);
        }
        Paragraph note = new Paragraph(applies
                ? "As a program admin your override or unlink applies at once, recorded with your name and reason."
                : "This is sent for approval: a program admin or an executive must approve it. Until then the status "
                        + "stays as the evidence says and linked targets stay linked.");
        note.setId("override-note");
        ComboBox<MilestoneStatus> to = new ComboBox<>("Status to show");
        to.setId("override-status");
        to.setItems(MilestoneStatus.values());
        to.setItemLabelGenerator(Views::statusText);
        TextField reason = new TextField("Reason");
        reason.setId("override-reason");
        reason.setMaxLength(Milestone.REASON_MAX_LENGTH);
        reason.setWidthFull();
        Button send = new Button(applies ? "Override now" : "Send for approval");
        send.setId("override-send");
        send.addClickListener(e -> change(dialog, () -> milestones.overrideStatus(seen.id(), seen.version(), to.getValue(),
                reason.getValue()), violations -> {
                    violations.forEach(v -> {
                        if (v.field().equals("status")) {
                            to.setInvalid(true);
                            to.setErrorMessage(v.message());
                        } else {
                            reason.setInvalid(true);
                            reason.setErrorMessage(v.message());
                        }
                    });
                }));
        HorizontalLayout fields = new HorizontalLayout(to, reason, send);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWidthFull();
        section.add(note, fields);
        for (var t : status.targets()) {
            boolean asked = status.pending().stream().anyMatch(p -> p.targetId() != null && p.targetId() == t.targetId());
            Button unlink = new Button((applies ? "Unlink " : "Request unlink of ") + t.metricKey(), e -> change(dialog,
                    () -> milestones.unlinkTarget(seen.id(), seen.version(), t.targetId(), reason.getValue()),
                    violations -> Views.error(Views.violations(violations))));
            unlink.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            unlink.addClassName("unlink-target");
            unlink.setEnabled(!asked);
            section.add(unlink);
        }
        return section;
    }

    private void change(Dialog dialog, java.util.function.Supplier<ChangeOutcome> change,
            java.util.function.Consumer<java.util.List<io.cxtracker.domain.shared.FieldViolation>> invalid) {
        try {
            ChangeOutcome outcome = change.get();
            dialog.close();
            refreshMilestones();
            Views.success(outcome.isRequested() ? "Sent for approval: a program admin or executive will decide"
                    : "Applied");
        } catch (InvalidInputException e) {
            invalid.accept(e.violations());
        } catch (ConcurrentUpdateException e) {
            Views.error(CONFLICT);
        } catch (RequestConflictException | AccessDeniedException e) {
            Views.error(e.getMessage());
        }
    }

    private void checkIn(Dialog dialog, CheckInForm form, long id, long versionSeen, CheckInDraft draft) {
        try {
            milestones.checkIn(id, versionSeen, new NewCheckIn(draft.getStatus(), draft.getProgress(), draft.getComment(),
                    draft.evidenceLinks()));
            dialog.close();
            refreshMilestones();
            Views.success("Check-in saved");
        } catch (ConcurrentUpdateException e) {
            form.showConflict(CONFLICT);
            Views.error(CONFLICT);
        } catch (InvalidInputException e) {
            form.showViolations(e.violations());
        } catch (AccessDeniedException e) {
            Views.error("You may not check in on this milestone: " + e.getMessage());
        }
    }

    /** The address of a department's accountability view. */
    public static RouteParameters of(String departmentCode) {
        return new RouteParameters(CODE, departmentCode);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
