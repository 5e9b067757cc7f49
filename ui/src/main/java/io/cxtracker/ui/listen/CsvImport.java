package io.cxtracker.ui.listen;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import io.cxtracker.domain.imports.CsvFiles;
import io.cxtracker.domain.imports.ImportError;
import io.cxtracker.domain.imports.ImportFields;
import io.cxtracker.domain.imports.ImportRejectedException;
import io.cxtracker.domain.imports.ImportReport;
import io.cxtracker.domain.imports.ImportService;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.ui.shared.Views;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A CSV import from the browser: upload the file (the upload shows its progress), choose what it holds and
 * whether to store only its valid rows, import (a progress bar while the import service works), then the
 * report with every refused row. A file with bad rows stores nothing unless "store only the valid rows" is
 * chosen, exactly as the API's imports; the same file can be imported again with that choice.
 */
class CsvImport extends VerticalLayout {
    private static final Logger LOG = Logger.getLogger(CsvImport.class.getName());
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final String SURVEYS = "Survey answers";
    static final String READINGS = "Metric readings";

    private final ImportService imports;
    private final CsvFiles csv;
    private final Runnable afterImport;
    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>("The file holds");
    private final Checkbox validOnly = new Checkbox("Store only the valid rows (refuse the others)");
    private final Span file = new Span("No file uploaded yet.");
    private final Button run = new Button("Import");
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph summary = new Paragraph();
    private final Grid<ImportError> errors = new Grid<>();
    private volatile byte[] bytes;
    private volatile String fileName;

    CsvImport(ImportService imports, CsvFiles csv, Runnable afterImport) {
        this.imports = imports;
        this.csv = csv;
        this.afterImport = afterImport;
        setId("csv-import");
        setPadding(false);

        kind.setId("import-kind");
        kind.setItems(SURVEYS, READINGS);
        kind.setValue(SURVEYS);
        kind.setHelperText("Survey answers: columns kind (NPS, CSAT, CES), score, answeredAt, optional channel, departmentCode, "
                + "comment, source, idempotencyKey. Readings: metricKey, day and the statistics of the metric's kind.");
        validOnly.setId("import-valid-only");

        // the limit is the server's (BoundedUpload); maxFileSize below only spares the browser a doomed transfer
        Upload upload = new Upload(new BoundedUpload(MAX_BYTES, (name, data) -> {
            // runs for the upload's own request: keep the file; the import runs when the user says so
            bytes = data;
            fileName = name;
            file.setText("Uploaded: " + name + " (" + data.length + " bytes)");
        }, why -> {
            bytes = null;
            file.setText("No file uploaded yet.");
            Views.error("That file cannot be imported: " + why);
        }));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) MAX_BYTES);
        upload.setAcceptedFileTypes("text/csv", ".csv", "text/plain", ".txt");
        upload.addFileRejectedListener(e -> Views.error("That file cannot be imported: " + e.getErrorMessage()));
        upload.addFailedListener(e -> {
            LOG.log(Level.WARNING, "CSV upload failed", e.getReason());
            Views.error("The upload failed; please try again.");
        });
        file.setId("import-file");

        run.setId("import-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(click -> start());
        progress.setId("import-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", "Importing");
        summary.setId("import-summary");

        errors.setId("import-errors");
        errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        errors.addColumn(ImportError::line).setHeader("Line").setSortable(true)
                .setComparator(java.util.Comparator.comparingLong(ImportError::line)).setAutoWidth(true);
        errors.addColumn(e -> e.column() == null ? e.field() : e.column()).setHeader("Column").setAutoWidth(true);
        errors.addColumn(ImportError::reason).setHeader("Why the row was refused").setFlexGrow(3);
        errors.setVisible(false);

        HorizontalLayout actions = new HorizontalLayout(run, file);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        add(kind, upload, validOnly, actions, progress, summary, errors);
    }

    /** Shows the progress bar first, then imports in the next round trip, so the bar is on screen while it works. */
    private void start() {
        if (bytes == null) {
            Views.error("Upload a CSV file first.");
            return;
        }
        run.setEnabled(false);
        progress.setVisible(true);
        summary.setText("Importing " + fileName + "…");
        errors.setVisible(false);
        getElement().executeJs("return 0").then(ignored -> finish(), failure -> finish());
    }

    private void finish() {
        try {
            boolean surveys = SURVEYS.equals(kind.getValue());
            byte[] data = bytes;
            ImportReport report = surveys
                    ? imports.importSurveyResponses(csv.read(new ByteArrayInputStream(data), ImportFields.SURVEY_FIELDS, List.of("kind", "score", "answeredAt")),
                            validOnly.getValue())
                    : imports.importReadings(csv.read(new ByteArrayInputStream(data), ImportFields.READING_FIELDS, List.of("metricKey", "day")),
                            validOnly.getValue());
            show(report);
            Views.success("Imported " + report.accepted() + " of " + report.rows() + " rows");
            afterImport.run();
        } catch (ImportRejectedException e) {
            show(e.report());
            Views.error(e.getMessage() + ". Fix the rows, or choose to store only the valid rows and import again.");
        } catch (InvalidInputException e) {
            summary.setText("Not imported: " + Views.violations(e.violations()));
            Views.error("Not imported: " + Views.violations(e.violations()));
        } catch (AccessDeniedException e) {
            Views.error("You may not import: " + e.getMessage());
        } finally {
            progress.setVisible(false);
            run.setEnabled(true);
        }
    }

    private void show(ImportReport report) {
        summary.setText(report.rows() + " rows: " + report.accepted() + " accepted, " + report.duplicates() + " already stored, "
                + report.rejected() + " refused — " + (report.stored() ? "the accepted rows are stored." : "nothing was stored.")
                + (report.errorsTruncated() ? " Only the first " + report.errors().size() + " errors are listed." : ""));
        Views.listItems(errors, report.errors());
        errors.setVisible(!report.errors().isEmpty());
    }
}
