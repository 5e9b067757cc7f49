package io.cxtracker.domain.metric;

import io.cxtracker.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A metric's stable identifier, e.g. {@code csat}, {@code nps}, {@code fdr}, {@code churn}: used by
 * ingesting machines, in URLs and in reports, so it is a slug that never needs escaping. The constants
 * are shared by the database column, the API's bean validation and the form field.
 */
public record MetricKey(String value) {
    public static final int MAX_LENGTH = 40;
    public static final String REGEX = "[a-z][a-z0-9_-]{1,39}";
    public static final String RULE =
            "a lower-case slug: a letter, then 1 to 39 letters, digits, underscores or dashes";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    public MetricKey {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidInputException("key", "must be " + RULE);
        }
    }

    public static MetricKey of(String value) {
        return new MetricKey(value);
    }

    public static boolean isValid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
