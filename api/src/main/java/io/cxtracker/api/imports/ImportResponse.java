package io.cxtracker.api.imports;

import io.cxtracker.domain.imports.ImportReport;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The report of an import. */
public record ImportResponse(
        @Schema(description = "rows below the header") long rows,
        @Schema(description = "rows stored (or that would have been, when stored is false)") long accepted,
        @Schema(description = "rows whose key was stored before, or earlier in the file: nothing stored again") long duplicates,
        @Schema(description = "rows with at least one error") long rejected,
        @Schema(description = "whether the accepted rows were kept: false when the file had errors and validOnly was not true")
        boolean stored,
        @Schema(description = "every error, by line (the first 1,000)") List<RowError> errors,
        @Schema(description = "true when there were more than 1,000 errors") boolean errorsTruncated) {

    /**
     * @param line the row's line in the file; the header is line 1
     * @param field the import field, or {@code row} for the row as a whole
     * @param column the file's column holding the field, if any
     */
    public record RowError(long line, String field, String column, String reason) {
    }

    static ImportResponse of(ImportReport report) {
        return new ImportResponse(report.rows(), report.accepted(), report.duplicates(), report.rejected(), report.stored(),
                report.errors().stream().map(e -> new RowError(e.line(), e.field(), e.column(), e.reason())).toList(),
                report.errorsTruncated());
    }
}
