package io.cxtracker.ui.accountability;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.security.Role;
import io.cxtracker.ui.department.DepartmentView;
import io.cxtracker.ui.layout.MainLayout;
import io.cxtracker.ui.security.SignedInUser;
import io.cxtracker.ui.shared.AsOfChoice;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * One department as its lead sees it: what it is, where it sits, and whether the signed-in user may
 * change what it owns (its leads and program admins may; everyone else reads). Department leads land
 * here after signing in. With {@code ?asOf=<day>} it is read as of the end of that day: read-only, and its link to
 * the accountability view keeps the day.
 */
@Route(value = "departments/:" + DepartmentAccountabilityView.CODE, layout = MainLayout.class)
public class DepartmentAccountabilityView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String CODE = "code";

    private final DepartmentService departments;
    private final SignedInUser user;
    private final AsOfChoice asOfChoice;
    private String code = "";
    private String title = "Department · CX Tracker";

    @Inject
    public DepartmentAccountabilityView(DepartmentService departments, SignedInUser user, Clock clock) {
        this.departments = departments;
        this.user = user;
        this.asOfChoice = new AsOfChoice("department-as-of", clock,
                day -> getUI().ifPresent(ui -> ui.navigate(DepartmentAccountabilityView.class, new RouteParameters(CODE, code),
                        AsOfChoice.query(day))));
        setId("department-accountability");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        code = event.getRouteParameters().get(CODE).orElse("");
        asOfChoice.read(event.getLocation().getQueryParameters());
        Optional<DepartmentSummary> department = departments.find(code);
        boolean leads = DepartmentCode.isValid(code) && user.has(Role.DEPARTMENT_LEAD)
                && user.departments().contains(new DepartmentCode(code));

        H1 heading = new H1(department.map(DepartmentSummary::name).orElse(code));
        heading.setId("department-heading");
        HorizontalLayout header = new HorizontalLayout(heading, asOfChoice.picker());
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        add(header);
        if (asOfChoice.isPast()) {
            add(AsOfChoice.banner(asOfChoice.day()));
        }
        title = heading.getText() + " · CX Tracker";

        if (department.isEmpty()) {
            Paragraph missing = new Paragraph("No department with the code '" + code + "' is registered yet"
                    + (user.has(Role.PROGRAM_ADMIN) ? "; you can add it under Departments." : "; a program admin adds departments."));
            missing.setId("department-missing");
            add(missing);
        } else {
            DepartmentSummary d = department.get();
            HorizontalLayout facts = new HorizontalLayout(new Span("Code: " + d.code()));
            facts.setId("department-facts");
            if (d.parentCode() != null) {
                String parentName = departments.find(d.parentCode()).map(DepartmentSummary::name).orElse(d.parentCode());
                facts.add(new Span("Part of: "), new RouterLink(parentName, DepartmentAccountabilityView.class,
                        new RouteParameters(CODE, d.parentCode())));
            }
            add(facts);
        }

        boolean mayChange = !asOfChoice.isPast() && (leads || user.has(Role.PROGRAM_ADMIN));
        Span authority = new Span(asOfChoice.isPast() ? "Read-only: as of " + asOfChoice.day() + ", a record of the past."
                : authorityText(leads));
        authority.setId("department-authority");
        authority.getElement().setAttribute("theme", mayChange ? "badge success primary" : "badge contrast");
        add(authority);

        if (user.has(Role.DEPARTMENT_LEAD) && user.departments().size() > 1) {
            HorizontalLayout others = new HorizontalLayout(new Span("Your departments:"));
            others.setId("my-departments");
            for (DepartmentCode mine : user.departments()) {
                others.add(new RouterLink(departments.find(mine.value()).map(DepartmentSummary::name).orElse(mine.value()),
                        DepartmentAccountabilityView.class, new RouteParameters(CODE, mine.value())));
            }
            add(others);
        }
        if (department.isPresent()) {
            RouterLink accountable = new RouterLink("Milestones, targets and check-ins of " + department.get().name(),
                    AccountabilityView.class, AccountabilityView.of(code));
            accountable.setId("department-accountability-link");
            accountable.setQueryParameters(AsOfChoice.query(asOfChoice.day()));
            add(accountable);
        }
        add(new RouterLink("All departments", DepartmentView.class));
    }

    private String authorityText(boolean leads) {
        if (leads) {
            return "You lead this department: you may change what it owns.";
        }
        if (user.has(Role.PROGRAM_ADMIN)) {
            return "You are a program admin: you may change what this department owns.";
        }
        return "Read-only for you: only this department's leads and program admins change what it owns.";
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
