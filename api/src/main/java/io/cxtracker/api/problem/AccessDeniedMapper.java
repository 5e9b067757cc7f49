package io.cxtracker.api.problem;

import io.cxtracker.domain.security.AccessDeniedException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A use-case service refused the signed-in caller: 403; for a write, nothing was written. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<AccessDeniedException> {
    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(AccessDeniedException e) {
        return ProblemResponses.problem(uri, "forbidden", "Forbidden", Response.Status.FORBIDDEN,
                e.getMessage() + (isRead() ? "." : ". Nothing was written."), List.of());
    }

    private boolean isRead() {
        String method = request == null ? null : request.getMethod();
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
