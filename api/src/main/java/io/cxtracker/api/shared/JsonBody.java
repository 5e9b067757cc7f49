package io.cxtracker.api.shared;

/**
 * Marks a request record that {@link JsonBodyReader} reads: bound field by field from the JSON tree by
 * {@link RecordBinder}, then checked with Bean Validation, so that a body with three bad fields is
 * refused once, naming the three (unknown fields, wrong types, out-of-range numbers and broken
 * constraints alike).
 */
public interface JsonBody {
}
