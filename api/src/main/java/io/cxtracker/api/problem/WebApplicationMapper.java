package io.cxtracker.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The HTTP-level refusals JAX-RS raises itself (unknown path 404, 405, 406, 415...): same status,
 * but as a problem document. It keeps the status the runtime chose, so it hides no bug.
 */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response problem = ProblemResponses.problem(uri, "http-" + status.getStatusCode(), status.getReasonPhrase(), status,
                e.getMessage(), List.of());
        if (original.getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", original.getHeaderString("Allow")).build();
        }
        return problem;
    }
}
