package io.cxtracker.api.problem;

import io.cxtracker.domain.shared.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(NotFoundException e) {
        return ProblemResponses.problem(uri, "not-found", "Not found", Response.Status.NOT_FOUND, e.getMessage(), List.of());
    }
}
