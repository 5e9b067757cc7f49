package io.cxtracker.domain.imports;

import java.util.List;

/**
 * The outcome of importing a file: how many rows it had and what became of them, and the errors row by
 * row (the first {@value ImportService#MAX_REPORTED_ERRORS}; {@code errorsTruncated} says when there were more).
 *
 * @param accepted rows stored by this import (or that would have been, when {@code stored} is false)
 * @param duplicates rows whose key was stored before (or earlier in the file); nothing is stored for them
 * @param rejected rows with at least one error
 * @param stored whether the accepted rows were kept: false when the file had errors and the caller did
 *        not choose to store only the valid rows
 */
public record ImportReport(long rows, long accepted, long duplicates, long rejected, boolean stored,
        List<ImportError> errors, boolean errorsTruncated) {

    public ImportReport {
        errors = List.copyOf(errors);
    }
}
