package io.cxtracker.api.problem;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that could not commit (the database refused it at commit time, or the transaction manager failed):
 * rolled back, nothing stored. The same 500 problem as {@link StorageFailureMapper}, without the database's words.
 */
@Provider
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(TransactionalException e) {
        Problem problem = StorageFailureMapper.problem(new PersistenceException("the transaction could not commit", e),
                uri == null ? null : uri.getRequestUri().getRawPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
