package io.cxtracker.ui.accountability;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import io.cxtracker.domain.milestone.CheckIn;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.EvidenceLink;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.ui.shared.Views;
import java.util.List;

/**
 * A check-in: status, progress, comment and evidence links, validated with the model's own rules. It fires
 * save and cancel events; the view calls the service.
 */
public class CheckInForm extends VerticalLayout {

    final ComboBox<CheckInStatus> status = new ComboBox<>("Status");
    final IntegerField progress = new IntegerField("Progress (%)");
    final TextArea comment = new TextArea("Comment");
    final TextArea evidence = new TextArea("Evidence links (one per line)");
    final Paragraph conflict = new Paragraph();
    final Button save = new Button("Save check-in");
    final Button cancel = new Button("Cancel");
    private final Binder<CheckInDraft> binder = new Binder<>(CheckInDraft.class);

    public CheckInForm() {
        setPadding(false);
        status.setId("checkin-status");
        status.setItems(CheckInStatus.values());
        status.setItemLabelGenerator(Views::statusText);
        status.setRequiredIndicatorVisible(true);
        progress.setId("checkin-progress");
        progress.setMin(0);
        progress.setMax(100);
        progress.setStepButtonsVisible(true);
        progress.setHelperText("0 to 100");
        comment.setId("checkin-comment");
        comment.setMaxLength(CheckIn.COMMENT_MAX_LENGTH);
        evidence.setId("checkin-evidence");
        evidence.setHelperText("Absolute http(s) links to reports, dashboards or documents");
        conflict.setId("checkin-conflict");
        conflict.setVisible(false);
        conflict.getElement().setAttribute("role", "alert");
        conflict.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");

        binder.forField(status).asRequired("Choose a status").bind(CheckInDraft::getStatus, CheckInDraft::setStatus);
        binder.forField(progress).asRequired("Give the progress")
                .withValidator(new IntegerRangeValidator("Between 0 and 100", 0, 100))
                .bind(CheckInDraft::getProgress, CheckInDraft::setProgress);
        binder.forField(comment)
                .withValidator(new StringLengthValidator("At most " + CheckIn.COMMENT_MAX_LENGTH + " characters", 0, CheckIn.COMMENT_MAX_LENGTH))
                .bind(CheckInDraft::getComment, CheckInDraft::setComment);
        binder.forField(evidence).withValidator((text, context) -> checkLinks(text))
                .bind(CheckInDraft::getEvidence, CheckInDraft::setEvidence);

        save.setId("checkin-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            if (binder.validate().isOk()) {
                fireEvent(new SaveEvent(this, binder.getBean()));
            }
        });
        cancel.setId("checkin-cancel");
        cancel.addClickListener(click -> fireEvent(new CancelEvent(this)));

        FormLayout fields = new FormLayout(status, progress, comment, evidence);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        fields.setColspan(comment, 2);
        fields.setColspan(evidence, 2);
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        add(conflict, fields, buttons);
    }

    private static ValidationResult checkLinks(String text) {
        List<String> links = text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (links.size() > EvidenceLink.MAX_LINKS) {
            return ValidationResult.error("At most " + EvidenceLink.MAX_LINKS + " links");
        }
        for (String link : links) {
            try {
                new EvidenceLink(link);
            } catch (InvalidInputException e) {
                return ValidationResult.error("'" + link + "' " + e.violations().getFirst().message());
            }
        }
        return ValidationResult.ok();
    }

    /** Starts from what the milestone shows now. */
    public void edit(CheckInDraft draft) {
        conflict.setVisible(false);
        save.setEnabled(true);
        binder.setBean(draft);
    }

    /** Someone saved first: say so and stop this stale save. */
    public void showConflict(String message) {
        conflict.setText(message);
        conflict.setVisible(true);
        save.setEnabled(false);
    }

    public void showViolations(List<FieldViolation> violations) {
        for (FieldViolation v : violations) {
            if (v.field().startsWith("evidence")) {
                evidence.setInvalid(true);
                evidence.setErrorMessage(v.message());
            } else if (v.field().equals("progress")) {
                progress.setInvalid(true);
                progress.setErrorMessage(v.message());
            } else if (v.field().equals("comment")) {
                comment.setInvalid(true);
                comment.setErrorMessage(v.message());
            } else {
                status.setInvalid(true);
                status.setErrorMessage(v.field() + " " + v.message());
            }
        }
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<CheckInForm> {
        private final CheckInDraft draft;

        SaveEvent(CheckInForm source, CheckInDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public CheckInDraft draft() {
            return draft;
        }
    }

    public static class CancelEvent extends ComponentEvent<CheckInForm> {
        CancelEvent(CheckInForm source) {
            super(source, false);
        }
    }
}
