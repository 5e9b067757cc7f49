package io.cxtracker.api.problem;

import io.cxtracker.api.shared.ETags;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Someone else changed the thing; nothing was written.
 * <ul>
 *   <li>412 Precondition Failed when the caller's If-Match named another version than the stored one
 *       (the answer carries the current ETag: re-read, re-apply, resend);</li>
 *   <li>409 Conflict when the If-Match was current when the request began but a concurrent write
 *       committed first (found while writing): the same remedy, but the caller's tag was not wrong.</li>
 * </ul>
 */
@Provider
public class ConcurrentUpdateMapper implements ExceptionMapper<ConcurrentUpdateException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ConcurrentUpdateException e) {
        if (e.actualVersion() >= 0) {
            Response problem = ProblemResponses.problem(uri, "stale-version", "Precondition failed",
                    Response.Status.PRECONDITION_FAILED,
                    "The " + e.entity() + " is at version " + e.actualVersion() + " (ETag \"" + e.actualVersion()
                            + "\"), not the one your If-Match names: it was changed since you read it. Nothing was written; "
                            + "read it again and resend with its ETag.",
                    List.of(new Problem.FieldError("If-Match", "does not match the current ETag \"" + e.actualVersion() + "\"")));
            return Response.fromResponse(problem).tag(ETags.of(e.actualVersion())).build();
        }
        return ProblemResponses.problem(uri, "concurrent-update", "Conflict", Response.Status.CONFLICT,
                e.getMessage() + ". Nothing was written; read it again and resend with its new ETag.", List.of());
    }
}
