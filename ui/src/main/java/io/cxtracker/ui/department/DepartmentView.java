package io.cxtracker.ui.department;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.department.NewDepartment;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.ui.layout.MainLayout;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;

/** Lists the departments in a lazy, sortable grid and registers new ones. */
@Route(value = "departments", layout = MainLayout.class)
@PageTitle("Departments · CX Tracker")
public class DepartmentView extends VerticalLayout {

    private final DepartmentService departments;
    private final Grid<DepartmentSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final DepartmentForm form = new DepartmentForm();

    @Inject
    public DepartmentView(DepartmentService departments, CurrentUser user) {
        this.departments = departments;
        setSizeFull();

        grid.setId("departments-grid");
        grid.addColumn(DepartmentSummary::code).setHeader("Code").setSortProperty("code").setAutoWidth(true);
        grid.addColumn(DepartmentSummary::name).setHeader("Name").setSortProperty("name").setFlexGrow(1);
        grid.addColumn(d -> d.parentCode() == null ? "" : d.parentCode()).setHeader("Parent").setAutoWidth(true);
        grid.setMultiSort(false);
        grid.setSizeFull();
        grid.setItems(this::fetch, query -> (int) departments.list(pageOf(query), searchText()).total());
        grid.sort(GridSortOrder.asc(grid.getColumns().getFirst()).build());

        search.setPlaceholder("Filter by code or name");
        search.setAriaLabel("Filter departments by code or name");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        form.parent.setItems(query -> departments.list(
                new PageRequest(query.getOffset(), query.getLimit(), "name", true), query.getFilter().orElse(null)).items().stream());
        form.addSaveListener(e -> register(e.draft()));
        form.setWidth("22rem");
        form.setVisible(user.has(Role.PROGRAM_ADMIN)); // the service refuses everyone else anyway

        VerticalLayout list = new VerticalLayout(search, grid);
        list.setPadding(false);
        list.setSizeFull();
        HorizontalLayout content = new HorizontalLayout(list, form);
        content.setSizeFull();
        content.setAlignItems(FlexComponent.Alignment.START);
        content.setFlexGrow(1, list);
        content.setWrap(true);
        add(new H1("Departments"), content);
    }

    private Stream<DepartmentSummary> fetch(Query<DepartmentSummary, Void> query) {
        return departments.list(pageOf(query), searchText()).items().stream();
    }

    private static PageRequest pageOf(Query<DepartmentSummary, Void> query) {
        List<QuerySortOrder> orders = query.getSortOrders();
        String property = orders.isEmpty() ? "code" : orders.getFirst().getSorted();
        boolean ascending = orders.isEmpty() || orders.getFirst().getDirection() == SortDirection.ASCENDING;
        return new PageRequest(query.getOffset(), Math.max(1, Math.min(query.getLimit(), PageRequest.MAX_LIMIT)), property, ascending);
    }

    private String searchText() {
        return search.getValue();
    }

    private void register(DepartmentDraft draft) {
        String parentCode = draft.getParent() == null ? null : draft.getParent().code();
        try {
            DepartmentSummary created = departments.register(new NewDepartment(draft.getCode(), draft.getName(), parentCode));
            form.clear();
            grid.getDataProvider().refreshAll();
            Notification.show("Department " + created.name() + " added", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            form.showViolations(e.violations());
        } catch (AlreadyExistsException e) {
            form.showViolations(List.of(new FieldViolation("code", "is already taken by another department")));
        } catch (AccessDeniedException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
