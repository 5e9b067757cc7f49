package io.cxtracker.domain.shared;

import java.util.regex.Pattern;

/**
 * A department's stable identifier, e.g. {@code support}: a lower-case slug used in URLs, in the
 * Keycloak group path {@code /departments/<code>} and in reports. The constants are shared by the
 * database column, the API's bean validation and the form field, so the three never disagree.
 */
public record DepartmentCode(String value) {
    public static final int MAX_LENGTH = 40;
    public static final String REGEX = "[a-z][a-z0-9-]{1,39}";
    public static final String RULE = "a lower-case slug: a letter, then 1 to 39 letters, digits or dashes";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    public DepartmentCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidInputException("code", "must be " + RULE);
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
