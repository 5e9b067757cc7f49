package io.cxtracker.ui.approval;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cxtracker.domain.milestone.ApprovalRequestQuery;
import io.cxtracker.domain.milestone.ApprovalRequestView;
import io.cxtracker.domain.milestone.ApprovalService;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.RequestConflictException;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.shared.Views;
import jakarta.inject.Inject;

/**
 * The second pair of eyes: the overrides and unlinks department leads asked for, waiting for a program admin or an
 * executive to approve (the change is applied) or reject (with a reason), and the latest decisions. The decision
 * names the milestone version shown here, so nobody approves against a milestone that changed meanwhile.
 */
@Route(value = "approvals", layout = MainLayout.class)
@PageTitle("Approvals · CX Tracker")
public class ApprovalsView extends VerticalLayout {

    private final ApprovalService approvals;
    private final CurrentUser user;
    private final Grid<ApprovalRequestView> pending = new Grid<>();
    private final Grid<ApprovalRequestView> decided = new Grid<>();

    @Inject
    public ApprovalsView(ApprovalService approvals, CurrentUser user) {
        this.approvals = approvals;
        this.user = user;
        setId("approvals");
        add(new H1("Approvals"));
        boolean decides = user.has(Role.PROGRAM_ADMIN) || user.has(Role.EXECUTIVE);
        Paragraph about = new Paragraph("Department leads' status overrides and target unlinks take effect only when a "
                + "program admin or an executive approves them; until then the milestone shows what its evidence says. "
                + (decides ? "Nobody decides their own request." : "Only program admins and executives decide."));
        about.setId("approvals-about");
        add(about);

        pending.setId("pending-requests");
        pending.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        columns(pending);
        if (decides) {
            pending.addComponentColumn(r -> {
                Button approve = new Button("Approve", e -> decide(r, true));
                approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
                approve.addClassName("request-approve");
                approve.setEnabled(!r.requestedBy().equalsIgnoreCase(user.name()));
                Button reject = new Button("Reject", e -> decide(r, false));
                reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                reject.addClassName("request-reject");
                reject.setEnabled(approve.isEnabled());
                return new HorizontalLayout(approve, reject);
            }).setHeader("Decide").setAutoWidth(true).setFlexGrow(0);
        }
        Views.pagedItems(pending, q -> approvals.list(ApprovalRequestQuery.pending(), page(q.getOffset(), q.getLimit(), true))
                .items().stream(), q -> (int) approvals.list(ApprovalRequestQuery.pending(), page(0, 1, true)).total());
        pending.setEmptyStateText("Nothing waits for approval.");
        add(new H2("Waiting for approval"), pending);

        decided.setId("decided-requests");
        decided.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        columns(decided);
        decided.addColumn(r -> Views.statusText(r.state()) + " by " + r.decidedBy()
                + (r.decisionReason() == null ? "" : ": " + r.decisionReason())).setHeader("Decision").setFlexGrow(2);
        decided.setEmptyStateText("No request has been decided yet.");
        Views.listItems(decided, approvals.list(new ApprovalRequestQuery(null, null, null), page(0, 50, false)).items().stream()
                .filter(r -> r.state().isDecided()).limit(20).toList());
        add(new H2("Latest decisions"), decided);
    }

    private static PageRequest page(int offset, int limit, boolean oldestFirst) {
        return new PageRequest(offset, Math.min(Math.max(limit, 1), PageRequest.MAX_LIMIT), "requestedAt", oldestFirst);
    }

    private static void columns(Grid<ApprovalRequestView> grid) {
        grid.addColumn(ApprovalRequestView::milestoneTitle).setHeader("Milestone").setFlexGrow(2);
        grid.addColumn(ApprovalRequestView::ownerDepartment).setHeader("Department").setAutoWidth(true);
        grid.addColumn(r -> r.summary().replace("Override to " + r.requestedStatus(),
                "Override to " + (r.requestedStatus() == null ? "" : Views.statusText(r.requestedStatus()))))
                .setHeader("Asks for").setAutoWidth(true);
        grid.addColumn(r -> r.reason() == null ? "" : r.reason()).setHeader("Reason").setFlexGrow(2);
        grid.addColumn(r -> r.requestedBy() + ", " + r.requestedAt().toString().substring(0, 16).replace('T', ' ') + " UTC")
                .setHeader("Requested").setAutoWidth(true);
    }

    private void decide(ApprovalRequestView request, boolean approve) {
        Dialog dialog = new Dialog();
        dialog.setId("decision-dialog");
        dialog.setHeaderTitle((approve ? "Approve: " : "Reject: ") + request.summary().replace("Override to "
                + request.requestedStatus(), "override to " + (request.requestedStatus() == null ? ""
                : Views.statusText(request.requestedStatus()).toLowerCase())) + " — " + request.milestoneTitle());
        dialog.setWidth("min(36rem, 95vw)");
        Paragraph what = new Paragraph(request.requestedBy() + " asks: " + (request.reason() == null ? "(no reason given)"
                : request.reason()) + (approve ? ". Approving applies it to the milestone now." : ". Rejecting leaves the milestone as it is."));
        TextArea reason = new TextArea(approve ? "Reason (optional)" : "Reason (required)");
        reason.setId("decision-reason");
        reason.setWidthFull();
        reason.setMaxLength(Milestone.REASON_MAX_LENGTH);
        reason.setRequired(!approve);
        Button confirm = new Button(approve ? "Approve" : "Reject");
        confirm.setId("decision-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, approve ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            try {
                if (approve) {
                    approvals.approve(request.id(), request.milestoneVersion(), reason.getValue());
                } else {
                    approvals.reject(request.id(), request.milestoneVersion(), reason.getValue());
                }
                dialog.close();
                Views.success(approve ? "Approved and applied" : "Rejected");
                getUI().ifPresent(ui -> ui.getPage().reload());
            } catch (InvalidInputException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage(ex.violations().getFirst().message());
            } catch (ConcurrentUpdateException ex) {
                Views.error("The milestone changed since this list was shown — reload and look again.");
            } catch (RequestConflictException | AccessDeniedException ex) {
                Views.error(ex.getMessage());
            }
        });
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.add(what, reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(dialog);
            }
        });
        add(dialog);
        dialog.open();
    }
}
