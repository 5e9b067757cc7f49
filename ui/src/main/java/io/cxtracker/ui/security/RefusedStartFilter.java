package io.cxtracker.ui.security;

import io.cxtracker.domain.shared.StartupRefusal;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A production deployment that refused to start (shipped secret, superuser database login, ssl-required none…), or
 * whose start-up checks still wait for the database, serves nothing: every request of the WAR, UI and API alike,
 * answers 503. The reason goes to the server log and
 * to readiness on the management interface, not to callers.
 */
public class RefusedStartFilter extends HttpFilter {
    static final String BODY = "{\"type\":\"https://cxtracker.io/problems/refused-to-start\",\"title\":\"Service Unavailable\","
            + "\"status\":503,\"detail\":\"CX Tracker is not serving: it refused to start with an unsafe configuration, or "
            + "its start-up checks still wait for the database. The operator finds the reason in the server log and in "
            + "readiness (/health/ready on the management interface).\"}";

    @Inject
    StartupRefusal refusal;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (refusal.reason().isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/problem+json");
        response.setHeader("Retry-After", "3600");
        response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
    }
}
