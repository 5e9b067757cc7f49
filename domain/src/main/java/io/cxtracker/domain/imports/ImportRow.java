package io.cxtracker.domain.imports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of an imported file, already mapped from the file's columns to the import's fields.
 *
 * @param line the row's line in the file (the header is line 1), for the error report
 * @param values field name → text as found in the file; a blank or absent value means "not given"
 * @param defect what is wrong with the row as a whole (e.g. more values than the header has columns), or null
 */
public record ImportRow(long line, Map<String, String> values, String defect) {

    public ImportRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public ImportRow(long line, Map<String, String> values) {
        this(line, values, null);
    }

    /** The stripped text of a field, or null when it is absent or blank. */
    public String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
