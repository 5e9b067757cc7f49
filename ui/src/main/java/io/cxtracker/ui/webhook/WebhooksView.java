package io.cxtracker.ui.webhook;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.webhook.DeliveryState;
import io.cxtracker.domain.alert.webhook.DeliveryView;
import io.cxtracker.domain.alert.webhook.Webhook;
import io.cxtracker.domain.alert.webhook.WebhookDispatcher;
import io.cxtracker.domain.alert.webhook.WebhookDraft;
import io.cxtracker.domain.alert.webhook.WebhookService;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A program's webhooks, for program admins: register a receiver (its secret is shown once, in a dialog), switch it
 * on or off, send a test, remove it, and read its delivery log (every attempt's status or error). The same use-case
 * services as {@code /api/webhooks}; the lists are paged, a delivery log grows without bound.
 */
@Route(value = WebhooksView.ROUTE, layout = MainLayout.class)
@PageTitle("Webhooks · CX Tracker")
public class WebhooksView extends VerticalLayout {
    public static final String ROUTE = "webhooks";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final WebhookService webhooks;
    private final WebhookDispatcher dispatcher;
    private final Grid<Webhook> grid = new Grid<>();
    private final Grid<DeliveryView> log = new Grid<>();
    private final H2 logTitle = new H2("Delivery log");
    private Map<Long, String> programNames = Map.of();
    private Webhook shown;

    @Inject
    public WebhooksView(WebhookService webhooks, WebhookDispatcher dispatcher, ProgramSetupService programs,
            CurrentUser user) {
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        setId("webhooks");
        add(new H1("Webhooks"));
        if (!user.has(Role.PROGRAM_ADMIN)) {
            add(new Paragraph("Only program admins manage webhooks."));
            return;
        }
        add(new Paragraph("A webhook sends the alerts of one program, of the kinds it listens to, to another system: a "
                + "Slack or Microsoft Teams incoming webhook shows the text as it is; your own receiver checks the "
                + "X-CX-Signature header (HMAC-SHA256 of the body with the webhook's secret). A failed delivery is tried "
                + "again later, and given up after the last attempt."));
        List<ProgramSummary> all = programs.programs();
        programNames = all.stream().collect(Collectors.toMap(ProgramSummary::id, ProgramSummary::name));
        add(form(all));

        grid.setId("webhook-list");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(w -> programNames.getOrDefault(w.programId(), "#" + w.programId())).setHeader("Program").setAutoWidth(true);
        grid.addColumn(w -> w.url().toString()).setHeader("URL").setFlexGrow(2);
        grid.addColumn(w -> w.kinds().stream().map(AlertKind::label).sorted().collect(Collectors.joining(", ")))
                .setHeader("Alerts").setFlexGrow(2);
        grid.addColumn(w -> w.enabled() ? "On" : "Off").setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        Views.pagedItems(grid, q -> webhooks.list(null, new PageRequest(q.getOffset(), q.getLimit(), null, true)).items()
                .stream(), q -> (int) webhooks.list(null, PageRequest.first(1)).total());
        grid.setEmptyStateText("No webhook yet: add one above.");
        add(new H2("Registered"), grid);

        log.setId("webhook-deliveries");
        log.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        log.addColumn(d -> WHEN.format(d.raisedAt())).setHeader("Raised").setAutoWidth(true).setFlexGrow(0);
        log.addColumn(DeliveryView::title).setHeader("Delivery").setFlexGrow(2);
        log.addColumn(d -> Views.statusText(d.state())).setHeader("State").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(d -> "delivery-" + d.state().name().toLowerCase());
        log.addColumn(WebhooksView::attempts).setHeader("Attempts").setFlexGrow(2);
        log.addColumn(d -> d.nextAttemptAt() == null ? "" : WHEN.format(d.nextAttemptAt())).setHeader("Next attempt")
                .setAutoWidth(true).setFlexGrow(0);
        log.setEmptyStateText("Choose a webhook's Log to see its deliveries.");
        Views.listItems(log, List.of());
        add(logTitle, log);
    }

    private HorizontalLayout form(List<ProgramSummary> all) {
        ComboBox<ProgramSummary> program = new ComboBox<>("Program", all);
        program.setId("webhook-program");
        program.setItemLabelGenerator(ProgramSummary::name);
        if (!all.isEmpty()) {
            program.setValue(all.getFirst());
        }
        TextField url = new TextField("Receiver URL");
        url.setId("webhook-url");
        url.setMaxLength(Webhook.URL_MAX_LENGTH);
        url.setPlaceholder("https://hooks.slack.com/services/…");
        url.setWidth("28rem");
        MultiSelectComboBox<AlertKind> kinds = new MultiSelectComboBox<>("Alerts it receives", AlertKind.values());
        kinds.setId("webhook-kinds");
        kinds.setItemLabelGenerator(AlertKind::label);
        kinds.setWidth("22rem");
        Checkbox enabled = new Checkbox("On", true);
        enabled.setId("webhook-enabled");
        Button add = new Button("Add webhook");
        add.setId("webhook-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> {
            url.setInvalid(false);
            kinds.setInvalid(false);
            try {
                WebhookService.Registered registered = webhooks.register(program.getValue() == null ? null
                        : program.getValue().id(), new WebhookDraft(url.getValue(),
                        kinds.getValue().stream().map(Enum::name).sorted().toList(), enabled.getValue()));
                url.clear();
                kinds.clear();
                grid.getDataProvider().refreshAll();
                Views.fitRows(grid, webhooks.list(null, PageRequest.first(1)).total());
                showSecret(registered);
            } catch (InvalidInputException ex) {
                for (FieldViolation v : ex.violations()) {
                    if (v.field().startsWith("kinds")) {
                        kinds.setInvalid(true);
                        kinds.setErrorMessage(v.message());
                    } else if (v.field().equals("url")) {
                        url.setInvalid(true);
                        url.setErrorMessage(v.message());
                    } else {
                        Views.error(v.field() + " " + v.message());
                    }
                }
            } catch (NotFoundException | AccessDeniedException ex) {
                Views.error(ex.getMessage());
            }
        });
        HorizontalLayout form = new HorizontalLayout(program, url, kinds, enabled, add);
        form.setId("webhook-form");
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    /** The only time the secret is shown: it is not kept in the page once the dialog closes. */
    private void showSecret(WebhookService.Registered registered) {
        Dialog dialog = new Dialog();
        dialog.setId("webhook-secret-dialog");
        dialog.setHeaderTitle("Webhook added: copy its secret now");
        TextField secret = new TextField("Signing secret");
        secret.setId("webhook-secret");
        secret.setValue(registered.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        dialog.add(new Paragraph("The receiver verifies X-CX-Signature with this secret. It is shown once and never "
                + "again; if it is lost, remove the webhook and add it anew."), secret);
        Button done = new Button("I have copied it", e -> dialog.close());
        done.setId("webhook-secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(dialog);
            }
        });
        add(dialog);
        dialog.open();
    }

    private HorizontalLayout actions(Webhook webhook) {
        String which = webhook.url().getHost() + " (#" + webhook.id() + ")";
        Button toggle = new Button(webhook.enabled() ? "Switch off" : "Switch on", e -> revise(webhook, !webhook.enabled()));
        toggle.addClassName("webhook-toggle");
        toggle.setAriaLabel((webhook.enabled() ? "Switch off " : "Switch on ") + which);
        Button test = new Button("Send test", e -> sendTest(webhook));
        test.addClassName("webhook-test");
        test.setAriaLabel("Send a test to " + which);
        Button logButton = new Button("Log", e -> showLog(webhook));
        logButton.addClassName("webhook-log");
        logButton.setAriaLabel("Delivery log of " + which);
        Button delete = new Button("Remove", e -> remove(webhook));
        delete.addClassName("webhook-remove");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Remove " + which);
        for (Button b : List.of(toggle, test, logButton, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(toggle, test, logButton, delete);
    }

    private void revise(Webhook webhook, boolean on) {
        act(() -> webhooks.revise(webhook.id(), webhook.version(), new WebhookDraft(webhook.url().toString(),
                webhook.kinds().stream().map(Enum::name).sorted().toList(), on)), on ? "Switched on" : "Switched off");
    }

    private void remove(Webhook webhook) {
        act(() -> {
            webhooks.remove(webhook.id(), webhook.version());
            if (shown != null && shown.id() == webhook.id()) {
                shown = null;
                Views.listItems(log, List.of());
            }
            return null;
        }, "Removed");
    }

    private void sendTest(Webhook webhook) {
        try {
            DeliveryView test = dispatcher.sendTest(webhook.id());
            DeliveryView.Attempt first = test.attemptLog().isEmpty() ? null : test.attemptLog().getFirst();
            String outcome = first == null ? "not sent yet" : outcome(first);
            if (test.state() == DeliveryState.DELIVERED) {
                Views.success("Test delivered: " + outcome);
            } else {
                Views.error("Test not delivered (" + outcome + "); it is tried again later");
            }
            showLog(webhook);
        } catch (NotFoundException | AccessDeniedException ex) {
            Views.error(ex.getMessage());
        }
    }

    private void showLog(Webhook webhook) {
        shown = webhook;
        logTitle.setText("Delivery log: " + webhook.url().getHost() + " (#" + webhook.id() + ")");
        Function<PageRequest, List<DeliveryView>> page = p -> webhooks.deliveries(webhook.id(), p).items();
        Views.pagedItems(log, q -> page.apply(new PageRequest(q.getOffset(), q.getLimit(), null, true)).stream(),
                q -> (int) webhooks.deliveries(webhook.id(), PageRequest.first(1)).total());
    }

    private void act(Supplier<Object> change, String done) {
        try {
            change.get();
            Views.success(done);
        } catch (ConcurrentUpdateException ex) {
            Views.error("The webhook changed since this list was shown — look again.");
        } catch (NotFoundException | AccessDeniedException | InvalidInputException ex) {
            Views.error(ex.getMessage());
        }
        grid.getDataProvider().refreshAll();
        Views.fitRows(grid, webhooks.list(null, PageRequest.first(1)).total());
    }

    private static String attempts(DeliveryView delivery) {
        return delivery.attemptLog().stream().map(WebhooksView::outcome).collect(Collectors.joining("; "));
    }

    private static String outcome(DeliveryView.Attempt attempt) {
        return "#" + attempt.number() + " " + (attempt.statusCode() != null ? "HTTP " + attempt.statusCode()
                : attempt.error()) + " in " + attempt.durationMillis() + " ms at " + WHEN.format(attempt.at());
    }
}
