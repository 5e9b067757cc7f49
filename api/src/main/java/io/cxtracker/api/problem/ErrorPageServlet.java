package io.cxtracker.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxtracker.api.shared.JsonFactories;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The container's own refusals as RFC 9457 problems. WildFly's OIDC client answers a call to /api
 * without a valid bearer token with a bare 401 (and an HTML body); web.xml routes such error statuses
 * here (error-page), so clients get {@code application/problem+json} like every other error.
 * The {@code WWW-Authenticate} challenge the container set stays on the response.
 */
public class ErrorPageServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactories.factory());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? request.getRequestURI() : uri.toString();
        Problem problem = switch (status) {
            case 401 -> Problem.of("unauthorized", "Unauthorized", 401,
                    "This needs a valid bearer token from the CX Tracker realm (header 'Authorization: Bearer <token>'); "
                            + "it was missing, expired, not signed by the realm or not meant for this API.", instance, List.of());
            case 403 -> Problem.of("forbidden", "Forbidden", 403, "The signed-in caller may not do this.", instance, List.of());
            default -> Problem.of("http-" + status, reasonOf(status), status, null, instance, List.of());
        };
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), problem);
    }

    private static String reasonOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
