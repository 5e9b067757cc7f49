package io.cxtracker.domain.imports;

/**
 * Why a row of an imported file was refused.
 *
 * @param line the row's line in the file (the header is line 1)
 * @param field the import field that is wrong (e.g. {@code score}), or {@code row} for the row as a whole
 * @param column the file's column holding that field, when the file names it; else null
 */
public record ImportError(long line, String field, String column, String reason) {

    public ImportError(long line, String field, String reason) {
        this(line, field, null, reason);
    }
}
