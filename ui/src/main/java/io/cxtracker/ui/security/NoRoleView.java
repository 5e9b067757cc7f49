package io.cxtracker.ui.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.ui.home.HomeView;
import io.cxtracker.ui.layout.MainLayout;
import jakarta.inject.Inject;

/**
 * What a signed-in account without a role sees, on every route (ARCHITECTURE §1, reads: no program data at all). The
 * frame above it still names the account and offers sign-out; the navigation is left out, there is nothing to
 * go to. {@link NoRoleGuard} shows this page instead of any view, deep links included.
 */
@Route(value = NoRoleView.ROUTE, layout = MainLayout.class)
@PageTitle("No role yet · CX Tracker")
public class NoRoleView extends VerticalLayout implements BeforeEnterObserver {
    public static final String ROUTE = "no-role";

    private final SignedInUser user;

    @Inject
    public NoRoleView(SignedInUser user) {
        this.user = user;
        setId("no-role");
        setMaxWidth("40rem");
        H1 heading = new H1("You are signed in, but you have no role yet");
        heading.setId("no-role-heading");
        Paragraph why = new Paragraph("CX Tracker shows the program only to executives, department leads, auditors and "
                + "program admins. Your account (" + user.name() + ") has none of these roles, so there is nothing here "
                + "for you to see yet.");
        Paragraph ask = new Paragraph("Ask a program admin to give you a role (and, for a department lead, your "
                + "department). Then sign out and sign in again. You can sign out with the button at the top right.");
        ask.setId("no-role-ask");
        add(heading, why, ask);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // a user who has a role (again) has no business on this page
        if (Authority.mayReadProgram(user)) {
            event.forwardTo(HomeView.class);
        }
    }
}
