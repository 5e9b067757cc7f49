package io.cxtracker.api.problem;

import io.cxtracker.domain.shared.InvalidInputException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(InvalidInputException e) {
        var errors = e.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
        return ProblemResponses.problem(uri, "invalid-input", "Invalid input", Response.Status.BAD_REQUEST,
                "The request breaks " + errors.size() + " rule(s); nothing was written.", errors);
    }
}
