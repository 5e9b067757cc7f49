package io.cxtracker.domain.imports;

import java.io.InputStream;
import java.util.List;

/**
 * The one CSV reader, as a port: implemented once (in the api module, where the CSV library and the
 * REST imports live) and found by CDI, so a file uploaded in the browser is read by exactly the code that
 * reads the API's CSV bodies: the same strict UTF-8 decoding, byte order mark, header and line rules.
 */
public interface CsvFiles {

    /**
     * The rows of an uploaded CSV file: UTF-8 (a byte order mark is skipped), comma-separated, the first
     * line names the columns, and a column is read as the field whose name it spells (case, spaces, dashes
     * and underscores aside).
     *
     * @param fields the import's fields
     * @param required fields the file must have a column for
     * @throws io.cxtracker.domain.shared.InvalidInputException naming {@code file} when the header cannot be
     *         read, is missing, or lacks a required column
     */
    RowSource read(InputStream file, List<String> fields, List<String> required);
}
