package io.cxtracker.api.problem;

import io.cxtracker.api.shared.BodyTooLargeException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A body over the endpoint's limit: 413, nothing was written. */
@Provider
public class BodyTooLargeMapper implements ExceptionMapper<BodyTooLargeException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(BodyTooLargeException e) {
        return ProblemResponses.problem(uri, "body-too-large", "Payload too large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                e.getMessage() + "; nothing was written. Split it into smaller requests.",
                List.of(new Problem.FieldError("body", "must be at most " + e.limit() + " bytes")));
    }
}
