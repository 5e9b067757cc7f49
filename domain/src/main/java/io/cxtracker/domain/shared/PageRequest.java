package io.cxtracker.domain.shared;

/**
 * A slice of a sorted list, as grids and paged endpoints ask for it. The sort property is a name the
 * repository maps to a column it knows, so callers can never inject an arbitrary ORDER BY.
 */
public record PageRequest(int offset, int limit, String sortProperty, boolean ascending) {
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit, null, true);
    }
}
