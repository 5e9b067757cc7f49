package io.cxtracker.ui.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.cxtracker.ui.department.DepartmentView;

/** The frame around every view: title bar and navigation. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("CX Tracker");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        addToNavbar(new DrawerToggle(), title);

        SideNav nav = new SideNav();
        nav.setLabel("Main");
        nav.addItem(new SideNavItem("Departments", DepartmentView.class, VaadinIcon.SITEMAP.create()));
        addToDrawer(nav);
    }
}
