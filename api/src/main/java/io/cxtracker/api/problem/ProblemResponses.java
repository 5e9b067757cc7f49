package io.cxtracker.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds the HTTP response of a problem; shared by every exception mapper. */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static Response problem(UriInfo uri, String slug, String title, Response.StatusType status, String detail,
                                   List<Problem.FieldError> errors) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        Problem body = Problem.of(slug, title, status.getStatusCode(), detail, instance, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
