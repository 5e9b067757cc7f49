package io.cxtracker.api.problem;

import io.cxtracker.domain.security.AccessDeniedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A use-case service refused the signed-in caller: 403, and nothing was written. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<AccessDeniedException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(AccessDeniedException e) {
        return ProblemResponses.problem(uri, "forbidden", "Forbidden", Response.Status.FORBIDDEN,
                e.getMessage() + ". Nothing was written.", List.of());
    }
}
