package io.cxtracker.api.shared;

import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.PageRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code offset}, {@code limit} and {@code sort} (a property, '-' in front for descending) as
 * text, so a bad value is a 400 naming the parameter rather than JAX-RS's bare 404.
 */
public final class PageParameters {
    public static final int DEFAULT_LIMIT = 50;

    private PageParameters() {
    }

    public static PageRequest from(String offset, String limit, String sort) {
        List<FieldViolation> violations = new ArrayList<>();
        int from = parse("offset", offset, 0, 0, Integer.MAX_VALUE, violations);
        int size = parse("limit", limit, DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        boolean ascending = sort == null || !sort.startsWith("-");
        String property = sort == null || sort.isBlank() ? null : (ascending ? sort : sort.substring(1));
        return new PageRequest(from, size, property, ascending);
    }

    private static int parse(String name, String text, int fallback, int min, int max, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                violations.add(new FieldViolation(name, "must be between " + min + " and " + max));
            }
            return value;
        } catch (NumberFormatException e) {
            violations.add(new FieldViolation(name, "must be a whole number"));
            return fallback;
        }
    }
}
