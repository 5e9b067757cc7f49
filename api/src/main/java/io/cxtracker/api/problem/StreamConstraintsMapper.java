package io.cxtracker.api.problem;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A body past the JSON parser's limits (nesting depth, number or string length): 400, not read further. */
@Provider
public class StreamConstraintsMapper implements ExceptionMapper<StreamConstraintsException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(StreamConstraintsException e) {
        return ProblemResponses.problem(uri, "malformed-json", "Malformed JSON", Response.Status.BAD_REQUEST,
                "The body breaks a limit of the JSON reader: " + e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", e.getOriginalMessage())));
    }
}
