package io.cxtracker.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure no other mapper names — above all the database refusing a write the application's own rules let
 * through (a constraint, a lost connection, a deadlock). Without this, RESTEasy's default mapper answered
 * {@code application/json} with the exception's message, which for a database failure quotes the SQL and the
 * failing row's values. Now: a 500 problem that names an incident id and says that nothing was stored (the
 * transaction rolled back: MidBatchFailureIT proves it), the details in the log under that id. A write that lost a
 * race on a version while it was written is a 409, as {@link ConcurrentUpdateMapper} answers. The more specific
 * mappers (invalid input, malformed JSON, 404, 403 …) still answer their exceptions: JAX-RS picks the closest.
 *
 * <p>The API may not depend on the persistence API (ArchitectureTest), so a failure of the database is recognised
 * by the packages in its cause chain.
 *
 * <p>A database that cannot be reached (stopped, restarting, failed over, the pool unable to open a connection) is
 * not a fault of this request: a 503 problem with {@code Retry-After}, so that clients and the balancer retry later
 * instead of reporting an incident (bench/faults.sh, the database outage).
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());
    private static final List<String> STORAGE = List.of("jakarta.persistence.", "org.hibernate.", "java.sql.", "org.postgresql.",
            "jakarta.transaction.");
    /** SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server shutting down, crashed, not yet accepting). */
    private static final List<String> UNREACHABLE_STATES = List.of("08", "57P01", "57P02", "57P03");
    static final int RETRY_AFTER_SECONDS = 5;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            return web.getResponse(); // its own mapper answers these; kept should that ever change
        }
        Problem problem = problem(e, uri == null ? null : uri.getRequestUri().getRawPath());
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** The problem for an unexpected failure; the failure itself is logged under the incident id it names. */
    static Problem problem(Throwable e, String instance) {
        if (causedBy(e, "jakarta.persistence.OptimisticLockException") || causedBy(e, "org.hibernate.StaleStateException")) {
            return Problem.of("concurrent-update", "Conflict", 409,
                    "Changed concurrently while this change was written. Nothing was written; read it again and resend.",
                    instance, List.of());
        }
        if (databaseUnreachable(e)) {
            LOG.warning("the database cannot be reached: answering 503 (" + e.getClass().getName() + ")");
            return Problem.of("database-unavailable", "Service Unavailable", 503,
                    "The database cannot be reached right now; nothing of this request was stored. Retry in "
                            + RETRY_AFTER_SECONDS + " seconds.", instance, List.of());
        }
        String incident = UUID.randomUUID().toString();
        boolean storage = fromStorage(e);
        LOG.log(Level.SEVERE, "Incident " + incident + (storage ? ": the database refused the request; it was rolled back"
                : ": unexpected failure"), e);
        return Problem.of("internal-error", "Internal server error", 500,
                (storage ? "The database could not store this request; nothing of it was stored. "
                        : "The server failed unexpectedly. ") + "Incident " + incident + " (the server's log has the details).",
                instance, List.of());
    }

    private static boolean fromStorage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (STORAGE.stream().anyMatch(name::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection failed, not the statement: the driver's SQLSTATE says so, or the container's pool could not hand
     * out a connection at all (IronJacamar's {@code ResourceException}, which carries no SQLSTATE).
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && UNREACHABLE_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
            if (isA(t, "jakarta.resource.ResourceException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, String className) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isA(t, className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isA(Throwable t, String className) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
