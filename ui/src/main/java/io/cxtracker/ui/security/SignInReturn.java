package io.cxtracker.ui.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A deep link opened while signed out keeps its query through sign-in. WildFly's OIDC client sends the browser to
 * Keycloak with the address's path only as the way back, and after sign-in redirects to that path: the filters in the
 * query ({@code /dashboard?program=3}, {@code /accountability/support?milestone=42}) were lost.
 *
 * <p>So, at the very start of the deployment's handler chain (before the OIDC client, which no servlet filter
 * precedes): when a page request with a query is answered with the redirect to Keycloak's authorization endpoint, the
 * address the browser asked for goes into a short-lived cookie; when Keycloak's answer comes back to that path and the
 * OIDC client redirects to the bare path, the redirect goes to the saved address instead and the cookie is cleared.
 * Server-side and script-free, so the Content-Security-Policy has nothing to allow. The cookie only ever names a path
 * of this app (it is checked when read), so it cannot send anyone elsewhere.
 */
public class SignInReturn implements ServletExtension {

    static final String COOKIE = "cx-sign-in-return";
    /** Long enough to type a password and answer a second factor; short enough not to linger. */
    static final int MAX_AGE_SECONDS = 600;

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        String contextPath = deployment.getContextPath();
        String cookiePath = contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
        deployment.addInitialHandlerChainWrapper(next -> new Handler(next, cookiePath));
    }

    /** True for a redirect that starts an OIDC authorization-code sign-in (RFC 6749 §4.1.1: both parameters are required). */
    static boolean isSignInRedirect(int status, String location) {
        return (status == 302 || status == 303) && location != null
                && location.contains("response_type=") && location.contains("redirect_uri=");
    }

    /** True for the request that brings Keycloak's answer back (OpenID Connect Core §3.1.2.5: code and state). */
    static boolean isSignInAnswer(String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        boolean code = false;
        boolean state = false;
        for (String pair : query.split("&")) {
            code |= pair.startsWith("code=");
            state |= pair.startsWith("state=");
        }
        return code && state;
    }

    /** The cookie's value for a page address: its path and query, URL-encoded so it is one cookie token. */
    static String encode(String path, String query) {
        return URLEncoder.encode(path + "?" + query, StandardCharsets.UTF_8);
    }

    /**
     * The saved address, if the cookie holds one of this app for {@code path}: a path starting with a single slash
     * (never another host: no {@code //}, no backslash, no scheme), equal to the path the answer came back to, with a query.
     */
    static Optional<String> savedFor(String cookieValue, String path) {
        if (cookieValue == null || path == null) {
            return Optional.empty();
        }
        String saved;
        try {
            saved = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEncoding) {
            return Optional.empty();
        }
        int query = saved.indexOf('?');
        if (query < 0 || query == saved.length() - 1 || !saved.startsWith("/") || saved.startsWith("//")
                || saved.contains("\\") || saved.chars().anyMatch(c -> c < 0x20)) {
            return Optional.empty();
        }
        return saved.substring(0, query).equals(path) ? Optional.of(saved) : Optional.empty();
    }

    /**
     * True when the OIDC client's redirect after sign-in goes to {@code path} itself without a query (absolute or
     * relative), which is the address the saved one replaces.
     */
    static boolean isBareReturnTo(String location, String path) {
        if (location == null) {
            return false;
        }
        try {
            URI uri = URI.create(location);
            return uri.getRawQuery() == null && path.equals(uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static final class Handler implements HttpHandler {
        private final HttpHandler next;
        private final String cookiePath;

        Handler(HttpHandler next, String cookiePath) {
            this.next = next;
            this.cookiePath = cookiePath;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            String query = exchange.getQueryString();
            if (Methods.GET.equals(exchange.getRequestMethod()) && query != null && !query.isEmpty()
                    && !CxOidcConfigResolver.isApi(exchange.getRelativePath())
                    && exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION) == null) {
                String path = exchange.getRequestPath();
                if (isSignInAnswer(query)) {
                    Cookie saved = exchange.getRequestCookie(COOKIE);
                    savedFor(saved == null ? null : saved.getValue(), path).ifPresent(address ->
                            exchange.addResponseCommitListener(committing -> {
                                if ((committing.getStatusCode() == 302 || committing.getStatusCode() == 303)
                                        && isBareReturnTo(committing.getResponseHeaders().getFirst(Headers.LOCATION), path)) {
                                    committing.getResponseHeaders().put(Headers.LOCATION, address);
                                    committing.setResponseCookie(expired(cookiePath));
                                }
                            }));
                } else {
                    String value = encode(path, query);
                    exchange.addResponseCommitListener(committing -> {
                        if (isSignInRedirect(committing.getStatusCode(), committing.getResponseHeaders().getFirst(Headers.LOCATION))) {
                            committing.setResponseCookie(new CookieImpl(COOKIE, value).setPath(cookiePath).setHttpOnly(true)
                                    .setMaxAge(MAX_AGE_SECONDS).setSameSiteMode("Lax"));
                        }
                    });
                }
            }
            next.handleRequest(exchange);
        }

        private static Cookie expired(String path) {
            return new CookieImpl(COOKIE, "").setPath(path).setHttpOnly(true).setMaxAge(0).setSameSiteMode("Lax");
        }
    }
}
