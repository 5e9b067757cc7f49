package io.cxtracker.domain.feedback;

import io.cxtracker.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/**
 * What a piece of feedback is about, e.g. {@code long-hold-times}: a lower-case slug, so that the same
 * theme from two sources is one insight. The constants are shared by the column, the API and the form.
 */
public record Theme(String value) {
    public static final int MAX_LENGTH = 40;
    public static final String REGEX = "[a-z][a-z0-9-]{1,39}";
    public static final String RULE = "a lower-case slug such as long-hold-times: a letter, then 1 to 39 letters, digits or dashes";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    public Theme {
        if (!isValid(value)) {
            throw new InvalidInputException("theme", "must be " + RULE);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
