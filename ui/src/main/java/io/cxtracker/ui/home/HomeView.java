package io.cxtracker.ui.home;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.Role;
import io.cxtracker.ui.accountability.AccountabilityView;
import io.cxtracker.ui.department.DepartmentView;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.security.SignedInUser;
import jakarta.inject.Inject;

/**
 * The start page sends each user where their role works: a department lead to what their (first)
 * department is accountable for, where they check in; everyone else to the departments.
 */
@Route(value = "", layout = MainLayout.class)
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedInUser user;

    @Inject
    public HomeView(SignedInUser user) {
        this.user = user;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (user.has(Role.DEPARTMENT_LEAD) && !user.departments().isEmpty()) {
            DepartmentCode first = user.departments().iterator().next();
            event.forwardTo(AccountabilityView.class, AccountabilityView.of(first.value()));
        } else {
            event.forwardTo(DepartmentView.class);
        }
    }
}
