package io.cxtracker.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects every broken rule of a command before refusing it, so that a form or an API client sees all
 * bad fields at once rather than one per attempt.
 */
public final class Violations {
    private final List<FieldViolation> found = new ArrayList<>();

    /** Adds a violation; a field keeps its first one only, the one closest to the cause. */
    public Violations add(String field, String message) {
        if (found.stream().noneMatch(v -> v.field().equals(field))) {
            found.add(new FieldViolation(field, message));
        }
        return this;
    }

    /** Adds the violation unless {@code ok}. */
    public Violations check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    /**
     * Runs a check that may throw {@link InvalidInputException}, keeping its violations (their field
     * names prefixed with {@code prefix}, e.g. {@code evidence[2]}).
     *
     * @return the supplier's result, or null when it refused
     */
    public <T> T capture(String prefix, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            for (FieldViolation v : e.violations()) {
                add(prefix == null || prefix.isEmpty() ? v.field() : prefix, v.message());
            }
            return null;
        }
    }

    public <T> T capture(Supplier<T> check) {
        return capture((String) null, check);
    }

    /**
     * Runs a check that may throw {@link InvalidInputException}, keeping its violations under the
     * caller's field names where they differ (an entity's {@code phase} is the command's {@code phaseNumber}).
     */
    public <T> T capture(Map<String, String> callerFieldNames, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            for (FieldViolation v : e.violations()) {
                add(callerFieldNames.getOrDefault(v.field(), v.field()), v.message());
            }
            return null;
        }
    }

    /**
     * A mandatory text: stripped, at most {@code maxLength} characters.
     *
     * @return the stripped text, or null when it was refused
     */
    public String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "must not be blank");
            return null;
        }
        return limited(field, value.strip(), maxLength);
    }

    /** An optional text: null when blank, else stripped and at most {@code maxLength} characters. */
    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return limited(field, value.strip(), maxLength);
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            add(field, "must be given");
        }
        return value;
    }

    private String limited(String field, String stripped, int maxLength) {
        if (stripped.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return stripped;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
