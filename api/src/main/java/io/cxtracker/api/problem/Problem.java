package io.cxtracker.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} names every bad field so a client can fix a request
 * in one round trip.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://cxtracker.io/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail, String instance, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, errors == null ? List.of() : List.copyOf(errors));
    }
}
