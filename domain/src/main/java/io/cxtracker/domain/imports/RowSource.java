package io.cxtracker.domain.imports;

/**
 * The rows of a file being imported, one at a time, so that a file of any size streams through the
 * import without being held in memory. The API implements it over the request body (CSV); the import
 * service pulls from it.
 */
@FunctionalInterface
public interface RowSource {

    /**
     * @return the next row, or null after the last one
     * @throws io.cxtracker.domain.shared.InvalidInputException when the file cannot be read any further
     *         (e.g. malformed CSV), naming the line; the import then stores nothing
     */
    ImportRow next();

    /** The file's name for an import field (its column header), for the error report; null when not known. */
    default String columnOf(String field) {
        return null;
    }
}
