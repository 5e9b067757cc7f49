package io.cxtracker.ui.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Signs out of the app and of Keycloak (RP-initiated logout): drops the HTTP session that holds the
 * tokens and the Vaadin UI, then sends the browser to Keycloak's end-session endpoint, which ends the
 * single sign-on session and comes back to the app's start page (and so to the login page).
 * Mapped to {@code /logout} in web.xml; POST only (the UI's sign-out button submits a form).
 */
public class LogoutServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(LogoutServlet.class.getName());

    /**
     * A GET never signs out: a link, an image or a prefetch on any page could otherwise end the session. The
     * answer is 405 with a page holding the sign-out button, for someone who typed the address.
     */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "POST");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign out of CX Tracker</title></head>
                <body><main><h1>Sign out of CX Tracker</h1>
                <p>Signing out needs the button: following a link does not sign you out.</p>
                <form method="post" action="%s"><button type="submit" id="sign-out-confirm">Sign out</button></form>
                <p><a href="%s">Back to CX Tracker</a></p></main></body></html>
                """.formatted(request.getContextPath() + "/logout", request.getContextPath() + "/"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcSettings settings = OidcSettings.fromConfig();
        OidcSecurityContext context = SignedInUser.securityContext(request);
        String idToken = context == null ? null : context.getIDTokenString();
        String user = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();

        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.log(Level.FINE, "logout of the container identity failed", e);
        }
        LOG.info("signed out: " + user);

        String back = appRoot(request);
        String endSession = CxOidcConfigResolver.endSessionEndpoint().orElseGet(settings::endSessionUrl);
        StringBuilder location = new StringBuilder(endSession)
                .append("?client_id=").append(encode(settings.uiClientId()))
                .append("&post_logout_redirect_uri=").append(encode(back));
        if (idToken != null) {
            location.append("&id_token_hint=").append(encode(idToken));
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(location.toString());
    }

    /** The app's own start page as the browser addressed it, e.g. {@code http://localhost:8080/}. */
    static String appRoot(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        String uri = request.getRequestURI();
        String origin = url.substring(0, url.length() - uri.length());
        return origin + request.getContextPath() + "/";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
