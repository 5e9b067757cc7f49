package io.cxtracker.api.problem;

import io.cxtracker.domain.shared.AlreadyExistsException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class AlreadyExistsMapper implements ExceptionMapper<AlreadyExistsException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(AlreadyExistsException e) {
        return ProblemResponses.problem(uri, "already-exists", "Already exists", Response.Status.CONFLICT, e.getMessage(),
                List.of(new Problem.FieldError("code", e.entity() + " '" + e.key() + "' already exists")));
    }
}
