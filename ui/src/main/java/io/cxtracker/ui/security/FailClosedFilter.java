package io.cxtracker.ui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Defence in depth. web.xml lets nobody in without a verified token; WildFly's OIDC client enforces
 * that before any filter runs, so a request without a user reaches this filter only when sign-in is
 * broken — e.g. the configuration resolver class failed to load, which WildFly only logs and then
 * serves the app unsecured. Then this filter answers 401 instead of serving data.
 */
public class FailClosedFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(FailClosedFilter.class.getName());
    private final AtomicBoolean reported = new AtomicBoolean();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            chain.doFilter(request, response);
            return;
        }
        if (reported.compareAndSet(false, true)) {
            LOG.severe("A request to " + request.getRequestURI() + " arrived without a signed-in user although web.xml "
                    + "requires one: the OIDC sign-in is not working (is the oidc.config.resolver class loadable?). "
                    + "Refusing every such request with 401.");
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"cxtracker\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign-in is required and is not available");
    }
}
