package io.cxtracker.api.problem;

import io.cxtracker.domain.milestone.RequestConflictException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A request decided already (decisions are final), or the same change already waiting: 409, nothing written. */
@Provider
public class RequestConflictMapper implements ExceptionMapper<RequestConflictException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RequestConflictException e) {
        return ProblemResponses.problem(uri, "request-conflict", "Conflict", Response.Status.CONFLICT, e.getMessage(),
                List.of());
    }
}
