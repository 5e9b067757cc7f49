package io.cxtracker.ui.layout;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.cxtracker.domain.alert.AlertService;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.Role;
import io.cxtracker.ui.accountability.DepartmentAccountabilityView;
import io.cxtracker.ui.alert.AlertsView;
import io.cxtracker.ui.department.DepartmentView;
import io.cxtracker.ui.security.SignedInUser;
import jakarta.inject.Inject;
import java.util.stream.Collectors;

/**
 * The frame around every view: title, who is signed in with which roles, sign-out, and the navigation
 * to what this user's roles are for (a department lead first sees their own departments); no navigation for an
 * account without a role, which sees only the no-role page.
 */
public class MainLayout extends AppLayout {

    /**
     * The one {@code main} landmark of every view: assistive technology jumps to it past the title bar and the
     * navigation. AppLayout's content area has no landmark role of its own, so each view is shown inside it.
     */
    private final Main main = new Main();
    private final AlertService alerts;
    /** The bell: the unread alerts of the signed-in user, counted again on every navigation. */
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span unread = new Span();

    @Inject
    public MainLayout(SignedInUser user, DepartmentService departments, AlertService alerts) {
        this.alerts = alerts;
        H1 title = new H1("CX Tracker");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout account = account(user);
        if (Authority.mayReadProgram(user)) {
            bell.setId("alert-bell");
            bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            bell.addClickListener(e -> UI.getCurrent().navigate(AlertsView.class));
            unread.setId("alert-unread-count");
            unread.getElement().setAttribute("theme", "badge error pill small");
            bell.setSuffixComponent(unread);
            account.addComponentAsFirst(bell);
        }
        HorizontalLayout navbar = new HorizontalLayout(bar, account);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        navbar.addClassNames(LumoUtility.Padding.End.MEDIUM);
        addToNavbar(navbar);
        main.setId("main-content");
        main.setSizeFull();
        main.getStyle().set("display", "block");
        setContent(main);

        if (!Authority.mayReadProgram(user)) {
            // the no-role page: nothing to navigate to (ARCHITECTURE §1, reads)
            return;
        }
        if (user.has(Role.DEPARTMENT_LEAD) && !user.departments().isEmpty()) {
            SideNav mine = new SideNav();
            mine.setId("my-departments-nav");
            mine.setLabel(user.departments().size() == 1 ? "My department" : "My departments");
            for (DepartmentCode code : user.departments()) {
                String name = departments.find(code.value()).map(DepartmentSummary::name).orElse(code.value());
                SideNavItem item = new SideNavItem(name, DepartmentAccountabilityView.class,
                        new RouteParameters(DepartmentAccountabilityView.CODE, code.value()), VaadinIcon.USER_STAR.create());
                item.getElement().setAttribute("title", "You lead " + name);
                mine.addItem(item);
            }
            addToDrawer(mine);
        }
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.setLabel("Program");
        String departmentsLabel = user.has(Role.PROGRAM_ADMIN) ? "Departments (set up)" : "Departments";
        nav.addItem(new SideNavItem(departmentsLabel, DepartmentView.class, VaadinIcon.SITEMAP.create()));
        addToDrawer(nav);
        addToDrawer(io.cxtracker.ui.dashboard.FeatureNav.of(user));
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
        countUnread();
    }

    /** Counts the bell again after a view changed what is read (an inbox or preferences change). */
    public static void refreshBell() {
        UI.getCurrent().getInternals().getActiveRouterTargetsChain().stream()
                .filter(MainLayout.class::isInstance).map(MainLayout.class::cast)
                .findFirst().ifPresent(MainLayout::countUnread);
    }

    private void countUnread() {
        if (bell.getId().isEmpty()) {
            return; // no inbox without a role
        }
        long count = alerts.unreadCount();
        unread.setText(String.valueOf(count));
        unread.setVisible(count > 0);
        String label = count == 0 ? "Alerts: none unread" : "Alerts: " + count + " unread";
        bell.setAriaLabel(label);
        bell.setTooltipText(label);
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
    }

    private static HorizontalLayout account(SignedInUser user) {
        Span name = new Span(user.displayName());
        name.setId("signed-in-user");
        name.getElement().setAttribute("title", "Signed in as " + user.name());
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);

        Span roles = new Span(user.roles().isEmpty() ? "no role" : user.roles().stream().map(Role::tokenName)
                .collect(Collectors.joining(", ")));
        roles.setId("signed-in-roles");
        roles.getElement().setAttribute("theme", "badge contrast");
        roles.getElement().setAttribute("title", "Your roles");

        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout account = new HorizontalLayout(name, roles, signOut);
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        account.setSpacing(true);
        return account;
    }

    /**
     * Leaves Vaadin for the logout servlet, which ends the app session and Keycloak's. It signs out on POST only
     * (a GET from a link or a prefetch must not), so the browser submits a form to it.
     */
    private static void signOut() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        String contextPath = request == null ? "" : request.getContextPath();
        UI.getCurrent().getPage().executeJs("const form = document.createElement('form');"
                + " form.method = 'post'; form.action = $0; form.style.display = 'none';"
                + " document.body.appendChild(form); form.submit();", contextPath + "/logout");
    }
}
