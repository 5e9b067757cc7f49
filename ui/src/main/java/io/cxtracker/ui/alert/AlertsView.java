package io.cxtracker.ui.alert;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.cxtracker.domain.alert.AlertService;
import io.cxtracker.domain.alert.AlertView;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The signed-in user's inbox: reminders and alerts addressed to their departments' leads or their role, newest
 * first, each with a link to the item and a way to mark it read (the bell in the header counts the unread).
 */
@Route(value = AlertsView.ROUTE, layout = MainLayout.class)
@PageTitle("Alerts · CX Tracker")
public class AlertsView extends VerticalLayout {
    public static final String ROUTE = "alerts";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final AlertService alerts;
    private final Grid<AlertView> grid = new Grid<>();
    private final Checkbox unreadOnly = new Checkbox("Unread only");

    @Inject
    public AlertsView(AlertService alerts) {
        this.alerts = alerts;
        setId("alerts");
        add(new H1("Alerts"));
        Paragraph about = new Paragraph("Reminders and alerts for the departments you lead and your role: check-ins "
                + "due, milestones due soon or overdue, targets that changed colour, commitments past due, changes "
                + "waiting for your approval, and the weekly digest.");
        RouterLink preferences = new RouterLink("Choose what you hear of", AlertPreferencesView.class);
        preferences.setId("alert-preferences-link");
        unreadOnly.setId("alerts-unread-only");
        unreadOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout tools = new HorizontalLayout(unreadOnly, preferences);
        tools.setAlignItems(Alignment.CENTER);
        add(about, tools);

        grid.setId("alert-list");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::summary).setHeader("Alert").setFlexGrow(1);
        grid.addColumn(a -> WHEN.format(a.createdAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        // paged like every list: an inbox of a busy department grows without bound
        Views.pagedItems(grid, q -> alerts.inbox(unreadOnly.getValue(), new PageRequest(q.getOffset(), q.getLimit(), null, true))
                .items().stream(), q -> (int) total());
        grid.setEmptyStateText("Nothing to tell you.");
        add(grid);
    }

    private Div summary(AlertView alert) {
        Span title = new Span(alert.title());
        title.addClassName("alert-title");
        if (!alert.read()) {
            title.addClassNames(LumoUtility.FontWeight.BOLD);
        }
        Div body = new Div();
        alert.body().lines().forEach(line -> body.add(new Div(line)));
        body.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div cell = new Div(title, body);
        cell.addClassName(alert.read() ? "alert-read" : "alert-unread");
        return cell;
    }

    private HorizontalLayout actions(AlertView alert) {
        Anchor open = new Anchor(alert.link(), "Open");
        open.addClassName("alert-open");
        open.getElement().setAttribute("aria-label", "Open: " + alert.title());
        HorizontalLayout actions = new HorizontalLayout(open);
        actions.setAlignItems(Alignment.CENTER);
        if (!alert.read()) {
            Button read = new Button("Mark read", e -> markRead(alert));
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            read.addClassName("alert-mark-read");
            // every row has one: a screen reader (and a test) must hear which alert it marks
            read.setAriaLabel("Mark read: " + alert.title());
            actions.add(read);
        }
        return actions;
    }

    private void markRead(AlertView alert) {
        try {
            alerts.markRead(alert.id());
        } catch (NotFoundException e) {
            Views.error("That alert is no longer yours to read.");
        }
        refresh();
        MainLayout.refreshBell();
    }

    private long total() {
        return alerts.inbox(unreadOnly.getValue(), PageRequest.first(1)).total();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        Views.fitRows(grid, total());
    }
}
