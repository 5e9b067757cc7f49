package io.cxtracker.domain.shared;

/**
 * One reason a request was refused, tied to the field (a JSON path or form field) that caused it,
 * so that callers can show every bad field at once rather than the first.
 */
public record FieldViolation(String field, String message) {
}
