package io.cxtracker.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.StringLengthValidator;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.ui.shared.Views;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A set-up form bound with Vaadin's Binder to a draft record (never to a live entity): the fields check what
 * the browser can check (required, lengths from the model's own constants), the use-case service decides the
 * rest, and what it refuses is shown on the field it names. Each field has a label; the layout flows from one
 * to three columns with the width.
 *
 * @param <D> the draft record the form fills
 */
final class SetUpForm<D extends Record> {
    private final Binder<D> binder;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final FormLayout layout = new FormLayout();

    SetUpForm(Class<D> draft) {
        binder = new Binder<>(draft);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2),
                new FormLayout.ResponsiveStep("60rem", 3));
    }

    /** A required field bound to the draft's component of that name; the service's violations of it show on it. */
    <V, F extends Component & HasValue<?, V> & HasValidation> SetUpForm<D> required(String property, F field, String message) {
        binder.forField(field).asRequired(message).bind(property);
        return add(property, field);
    }

    <V, F extends Component & HasValue<?, V> & HasValidation> SetUpForm<D> optional(String property, F field) {
        binder.forField(field).bind(property);
        return add(property, field);
    }

    /** A text field with the model's maximum length, required or not. */
    <F extends Component & HasValue<?, String> & HasValidation> SetUpForm<D> text(String property, F field, int maxLength,
            boolean required) {
        var binding = binder.forField(field);
        if (required) {
            binding = binding.asRequired("Required");
        }
        binding.withValidator(new StringLengthValidator("At most " + maxLength + " characters", 0, maxLength)).bind(property);
        return add(property, field);
    }

    /** Also shows the service's violations of {@code violationField} on this form's field {@code property}. */
    SetUpForm<D> alias(String violationField, String property) {
        fields.put(violationField, fields.get(property));
        return this;
    }

    private SetUpForm<D> add(String property, Component field) {
        fields.put(property, (HasValidation) field);
        layout.add(field);
        return this;
    }

    FormLayout layout() {
        return layout;
    }

    /**
     * Writes the draft when every field is valid and hands it to the service call; a refusal is shown on its
     * fields and in a notification, never as a stack trace.
     *
     * @return whether the service accepted it
     */
    boolean submit(Function<D, ?> call, String done) {
        D draft;
        try {
            draft = binder.writeRecord();
        } catch (ValidationException e) {
            Views.error("Please correct the marked fields.");
            return false;
        }
        try {
            call.apply(draft);
            Views.success(done);
            binder.getFields().forEach(HasValue::clear);
            return true;
        } catch (InvalidInputException e) {
            for (FieldViolation v : e.violations()) {
                HasValidation field = fields.get(v.field());
                if (field != null) {
                    field.setErrorMessage(v.message());
                    field.setInvalid(true);
                }
            }
            Views.error("Please correct: " + Views.violations(e.violations()));
        } catch (AlreadyExistsException e) {
            Views.error("That already exists: " + e.getMessage());
        } catch (ConcurrentUpdateException e) {
            Views.error("Someone else changed it first — reload to see their change.");
        } catch (NotFoundException | AccessDeniedException e) {
            Views.error(e.getMessage());
        }
        return false;
    }
}
