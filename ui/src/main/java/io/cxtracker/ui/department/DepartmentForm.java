package io.cxtracker.ui.department;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.shared.FieldViolation;
import java.util.List;

/**
 * The "add a department" form. It validates with the model's own constants and fires a save event;
 * the view decides what saving means.
 */
public class DepartmentForm extends VerticalLayout {

    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final ComboBox<DepartmentSummary> parent = new ComboBox<>("Parent department (optional)");
    final Button save = new Button("Add department");
    private final Binder<DepartmentDraft> binder = new Binder<>(DepartmentDraft.class);

    public DepartmentForm() {
        setPadding(false);
        code.setId("department-code");
        code.setHelperText("e.g. support — " + DepartmentCode.RULE);
        code.setMaxLength(DepartmentCode.MAX_LENGTH);
        code.setRequiredIndicatorVisible(true);
        name.setId("department-name");
        name.setMaxLength(Department.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);
        parent.setId("department-parent");
        parent.setItemLabelGenerator(d -> d.name() + " (" + d.code() + ")");
        parent.setClearButtonVisible(true);

        binder.forField(code)
                .asRequired("Code is required")
                .withValidator(new RegexpValidator("Must be " + DepartmentCode.RULE, DepartmentCode.REGEX))
                .bind(DepartmentDraft::getCode, DepartmentDraft::setCode);
        binder.forField(name)
                .asRequired("Name is required")
                .withValidator(new StringLengthValidator("At most " + Department.NAME_MAX_LENGTH + " characters", 1, Department.NAME_MAX_LENGTH))
                .bind(DepartmentDraft::getName, DepartmentDraft::setName);
        binder.forField(parent).bind(DepartmentDraft::getParent, DepartmentDraft::setParent);
        binder.setBean(new DepartmentDraft());

        save.setId("department-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(click -> {
            if (binder.validate().isOk()) {
                fireEvent(new SaveEvent(this, binder.getBean()));
            }
        });

        FormLayout fields = new FormLayout(code, name, parent);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H2("Add a department"), fields, save);
    }

    /** Shows the model's verdict on the matching fields. */
    void showViolations(List<FieldViolation> violations) {
        for (FieldViolation v : violations) {
            switch (v.field()) {
                case "code" -> markInvalid(code, v.message());
                case "name" -> markInvalid(name, v.message());
                case "parentCode" -> {
                    parent.setInvalid(true);
                    parent.setErrorMessage(v.message());
                }
                default -> markInvalid(code, v.field() + ": " + v.message());
            }
        }
    }

    void clear() {
        binder.setBean(new DepartmentDraft());
    }

    private static void markInvalid(TextField field, String message) {
        field.setInvalid(true);
        field.setErrorMessage(message);
    }

    public Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<DepartmentForm> {
        private final DepartmentDraft draft;

        SaveEvent(DepartmentForm source, DepartmentDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public DepartmentDraft draft() {
            return draft;
        }
    }
}
