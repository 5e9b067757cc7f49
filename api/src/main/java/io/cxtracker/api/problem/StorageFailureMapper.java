package io.cxtracker.api.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database refused a write the application's own rules let through (a constraint, a lost connection, a
 * deadlock): the transaction rolled back, so nothing of the request was stored. Answered as a 500 problem that
 * says so and names an incident id; the database's message — which quotes the SQL and the failing row — goes to
 * the log under that id, never to the caller. A write that lost a race on a version is a 409, as for
 * {@link ConcurrentUpdateMapper}.
 */
@Provider
public class StorageFailureMapper implements ExceptionMapper<PersistenceException> {
    private static final Logger LOG = Logger.getLogger(StorageFailureMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(PersistenceException e) {
        Problem problem = problem(e, uri == null ? null : uri.getRequestUri().getRawPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The problem for a failure of the database; the failure itself is logged under the incident id it names. */
    static Problem problem(PersistenceException e, String instance) {
        if (e instanceof OptimisticLockException) {
            return Problem.of("concurrent-update", "Conflict", 409,
                    "Changed concurrently while this change was written. Nothing was written; read it again and resend.",
                    instance, List.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + ": the database refused a write; it was rolled back", e);
        return Problem.of("internal-error", "Internal server error", 500,
                "The database could not store this request; nothing of it was stored. Incident " + incident
                        + " (the server's log has the details).", instance, List.of());
    }
}
