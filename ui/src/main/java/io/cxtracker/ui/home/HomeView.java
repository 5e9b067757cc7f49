package io.cxtracker.ui.home;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.cxtracker.domain.department.DepartmentCode;
import io.cxtracker.domain.security.Role;
import io.cxtracker.ui.accountability.DepartmentAccountabilityView;
import io.cxtracker.ui.department.DepartmentView;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.security.SignedInUser;
import jakarta.inject.Inject;

/**
 * The start page sends each user where their role works: a department lead to their (first)
 * department, everyone else to the departments.
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
            event.forwardTo(DepartmentAccountabilityView.class, new RouteParameters(DepartmentAccountabilityView.CODE, first.value()));
        } else {
            event.forwardTo(DepartmentView.class);
        }
    }
}
