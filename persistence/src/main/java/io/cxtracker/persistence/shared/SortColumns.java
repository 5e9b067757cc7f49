package io.cxtracker.persistence.shared;

import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.PageRequest;
import java.util.Map;

/**
 * Maps the sort names callers may use to JPQL paths. Anything else is refused, so a sort parameter
 * can never reach the query text.
 */
public record SortColumns(Map<String, String> allowed, String defaultProperty) {

    public String orderBy(String alias, PageRequest request) {
        String property = request.sortProperty() == null ? defaultProperty : request.sortProperty();
        String path = allowed.get(property);
        if (path == null) {
            throw new InvalidInputException("sort", "must be one of " + allowed.keySet().stream().sorted().toList());
        }
        return " order by " + alias + "." + path + (request.ascending() ? " asc" : " desc") + ", " + alias + ".id asc";
    }
}
