package io.cxtracker.ui.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import io.cxtracker.domain.security.Authority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Shows {@link NoRoleView} instead of any view to a signed-in account that may not read the program (ARCHITECTURE §1,
 * reads). It reroutes before the target view is built, so no view's constructor runs (and asks a service) for
 * such an account, and the address bar keeps the deep link the user followed. The services refuse such reads
 * anyway; this only turns their refusal into one friendly page.
 */
@ApplicationScoped
public class NoRoleGuard {

    @Inject
    SignedInUser user;

    void install(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::guard));
    }

    void guard(BeforeEnterEvent event) {
        if (!NoRoleView.class.equals(event.getNavigationTarget()) && !Authority.mayReadProgram(user)) {
            event.rerouteTo(NoRoleView.class);
        }
    }
}
