package io.cxtracker.api.problem;

import io.cxtracker.api.shared.PreconditionRequiredException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A write without If-Match: 428, nothing was written. */
@Provider
public class PreconditionRequiredMapper implements ExceptionMapper<PreconditionRequiredException> {
    private static final Response.StatusType PRECONDITION_REQUIRED = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 428;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Precondition Required";
        }
    };

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(PreconditionRequiredException e) {
        return ProblemResponses.problem(uri, "precondition-required", "Precondition required", PRECONDITION_REQUIRED,
                e.getMessage() + ". Nothing was written.",
                List.of(new Problem.FieldError("If-Match", "is required: the ETag of the version you read")));
    }
}
