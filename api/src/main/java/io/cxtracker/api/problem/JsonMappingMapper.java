package io.cxtracker.api.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Valid JSON of the wrong shape (unknown field, wrong type, number out of range) for types Jackson binds
 * itself; request records marked {@link io.cxtracker.api.shared.JsonBody} are bound by
 * {@link io.cxtracker.api.shared.RecordBinder} instead, which lists every bad field, not only the first.
 */
@Provider
public class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(JsonMappingException e) {
        if (e instanceof InvalidDefinitionException) {
            // a type Jackson cannot read or write at all: our bug, not the client's
            return ProblemResponses.problem(uri, "internal-error", "Internal server error", Response.Status.INTERNAL_SERVER_ERROR,
                    "The server could not map this type to JSON", List.of());
        }
        String field = pathOf(e);
        String message = e instanceof UnrecognizedPropertyException
                ? "is not a known field"
                : "has the wrong type or value: " + e.getOriginalMessage();
        return ProblemResponses.problem(uri, "invalid-json", "Invalid JSON body", Response.Status.BAD_REQUEST,
                "Field '" + field + "' " + message, List.of(new Problem.FieldError(field, message)));
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
