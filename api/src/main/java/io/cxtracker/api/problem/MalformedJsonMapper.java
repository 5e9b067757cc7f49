package io.cxtracker.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** The body is not JSON at all (or breaks a parser limit such as a duplicate key). */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonParseException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(JsonParseException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return ProblemResponses.problem(uri, "malformed-json", "Malformed JSON", Response.Status.BAD_REQUEST,
                "The body could not be read as JSON" + where + ": " + e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", e.getOriginalMessage())));
    }
}
