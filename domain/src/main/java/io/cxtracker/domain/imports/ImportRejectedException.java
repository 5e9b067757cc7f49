package io.cxtracker.domain.imports;

/**
 * The file had rows with errors and the caller did not choose to store only the valid rows: nothing was
 * stored. Carries the full report, so the caller can fix the rows or import again with "valid only".
 */
public class ImportRejectedException extends RuntimeException {
    private final ImportReport report;

    public ImportRejectedException(ImportReport report) {
        super(report.rejected() + " of " + report.rows() + " rows have errors; nothing was stored");
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
