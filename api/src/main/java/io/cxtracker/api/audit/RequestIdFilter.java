package io.cxtracker.api.audit;

import io.cxtracker.domain.audit.RequestCorrelation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every API request an id: the caller's {@code X-Request-Id} when it is a sensible token, else a
 * new UUID. Audit records written while serving the request carry it, and the response echoes it.
 */
@Provider
@PreMatching
@ApplicationScoped
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "X-Request-Id";

    @Inject
    RequestCorrelation correlation;

    @Override
    public void filter(ContainerRequestContext request) {
        correlation.adopt(request.getHeaderString(HEADER));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, correlation.id());
    }
}
