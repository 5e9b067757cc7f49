package io.cxtracker.ui.dashboard;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.ui.accountability.AccountabilityView;
import io.cxtracker.ui.admin.AdminView;
import io.cxtracker.ui.approval.ApprovalsView;
import io.cxtracker.ui.audit.AuditView;
import io.cxtracker.ui.listen.ListenView;
import io.cxtracker.ui.metrics.MetricsView;
import io.cxtracker.ui.roadmap.RoadmapView;
import io.cxtracker.ui.webhook.WebhooksView;

/** The navigation to the feature views, showing what the signed-in role may do. */
public final class FeatureNav {

    private FeatureNav() {
    }

    public static SideNav of(CurrentUser user) {
        SideNav nav = new SideNav();
        nav.setId("feature-nav");
        nav.setLabel("Progress");
        nav.addItem(new SideNavItem("Dashboard", DashboardView.class, VaadinIcon.DASHBOARD.create()));
        if (user.has(Role.DEPARTMENT_LEAD)) {
            for (DepartmentCode code : user.departments()) {
                SideNavItem item = new SideNavItem("Accountability: " + code.value(), AccountabilityView.class,
                        AccountabilityView.of(code.value()), VaadinIcon.CHECK_SQUARE_O.create());
                item.getElement().setAttribute("title", "Check in on " + code.value() + "'s milestones");
                nav.addItem(item);
            }
        }
        SideNavItem review = new SideNavItem("Review", io.cxtracker.ui.review.ReviewView.class, VaadinIcon.TIME_BACKWARD.create());
        review.getElement().setAttribute("title", "What changed since the last review, and the dashboard as of any past day");
        nav.addItem(review);
        nav.addItem(new SideNavItem("Roadmap", RoadmapView.class, VaadinIcon.CALENDAR.create()));
        nav.addItem(new SideNavItem("Metrics", MetricsView.class, VaadinIcon.CHART_LINE.create()));
        nav.addItem(new SideNavItem(user.has(Role.PROGRAM_ADMIN) ? "Listen (import)" : "Listen", ListenView.class,
                VaadinIcon.COMMENTS.create()));
        if (user.has(Role.AUDITOR) || user.has(Role.EXECUTIVE) || user.has(Role.PROGRAM_ADMIN)) {
            nav.addItem(new SideNavItem(user.has(Role.AUDITOR) ? "Audit and reports (export)" : "Audit and reports",
                    AuditView.class, VaadinIcon.RECORDS.create()));
        }
        if (user.has(Role.EXECUTIVE) || user.has(Role.PROGRAM_ADMIN)) {
            SideNavItem approvals = new SideNavItem("Approvals", ApprovalsView.class, VaadinIcon.CHECK_CIRCLE_O.create());
            approvals.getElement().setAttribute("title", "Leads' overrides and unlinks waiting for your decision");
            nav.addItem(approvals);
        }
        if (user.has(Role.PROGRAM_ADMIN)) {
            nav.addItem(new SideNavItem("Admin (set up)", AdminView.class, VaadinIcon.COG.create()));
            SideNavItem webhooks = new SideNavItem("Webhooks", WebhooksView.class, VaadinIcon.CONNECT.create());
            webhooks.getElement().setAttribute("title", "Send a program's alerts to Slack, Teams or your own systems");
            nav.addItem(webhooks);
        }
        return nav;
    }
}
