package io.cxtracker.ui.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What every response of the app says to the browser about itself, and the one request shape refused before
 * sign-in even looks at it. Installed as an Undertow extension (named in
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}) at the very start of the deployment's handler
 * chain, so it also covers what no servlet filter sees: WildFly's OIDC client answers the sign-in redirect and the
 * API's 401 before any filter runs.
 *
 * <ul>
 *   <li>A Content-Security-Policy that Vaadin works under (see {@link #contentSecurityPolicy}), framing refused
 *       ({@code frame-ancestors 'none'}, and {@code X-Frame-Options} for browsers that predate it),
 *       {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin}.</li>
 *   <li>Behind TLS (the connection is secure, or the proxy in front says {@code X-Forwarded-Proto: https}):
 *       {@code Strict-Transport-Security}, and every cookie marked {@code Secure}. Over plain HTTP neither,
 *       since browsers ignore HSTS there and would drop a Secure cookie (local runs and tests).</li>
 *   <li>{@code Authorization: Bearer} outside {@code /api} is answered 401 with a problem: WildFly's OIDC client
 *       would otherwise accept any token of the realm on the UI's paths (also one issued to another client) and
 *       let it drive a Vaadin session.</li>
 * </ul>
 * Cookies get {@code SameSite=Lax} here (WildFly does not apply a SameSite attribute declared in web.xml's
 * cookie-config to the session cookie); the session cookie's {@code HttpOnly} is declared in web.xml.
 */
public class HttpHardening implements ServletExtension {

    static final HttpString CSP = new HttpString("Content-Security-Policy");
    static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
    static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");
    static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");
    static final HttpString HSTS = new HttpString("Strict-Transport-Security");
    static final HttpString FORWARDED_PROTO = new HttpString("X-Forwarded-Proto");
    /** One year, subdomains included: the app is meant to be reached only over TLS once it is. */
    static final String HSTS_VALUE = "max-age=31536000; includeSubDomains";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new Handler(next, HttpHardening::signInOrigin));
    }

    /**
     * The policy. Vaadin needs: its bootstrap page's inline scripts and the functions the server sends it to run
     * ({@code executeJs}, evaluated with {@code new Function}: {@code 'unsafe-inline' 'unsafe-eval'} for scripts),
     * the styles its components inject ({@code 'unsafe-inline'} for styles), images and fonts from the app and as
     * data URIs, and XHR to the app itself. Nothing is loaded from elsewhere, nothing embeds the app, no plug-ins.
     * Forms post to the app, and the sign-out form's answer redirects to Keycloak's end-session endpoint, which
     * browsers check against {@code form-action} too.
     *
     * @param signInOrigin Keycloak's origin as the browser reaches it (e.g. {@code http://localhost:8180}), or null
     */
    static String contentSecurityPolicy(String signInOrigin) {
        return "default-src 'self'; "
                + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'" + (signInOrigin == null ? "" : " " + signInOrigin) + "; "
                + "frame-ancestors 'none'";
    }

    /** The scheme, host and port of a URL, or null when it has none. */
    static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Keycloak's origin from its discovery document, once known; asked at most once a minute until then. */
    private static volatile String discoveredOrigin;
    private static volatile long nextDiscoveryAttempt;

    /**
     * Where the browser signs out: the origin of the discovered end-session endpoint once known (it may differ from
     * the provider URL the server uses), else the configured provider's. Asking for the discovered endpoint may make
     * the OIDC client fetch the discovery document, so it is asked rarely and its answer kept: this runs for every
     * request, also while Keycloak is unreachable.
     */
    private static String signInOrigin() {
        String known = discoveredOrigin;
        if (known != null) {
            return known;
        }
        long now = System.currentTimeMillis();
        if (CxOidcConfigResolver.built() && now >= nextDiscoveryAttempt) {
            nextDiscoveryAttempt = now + 60_000;
            String discovered = CxOidcConfigResolver.endSessionEndpoint().map(HttpHardening::originOf).orElse(null);
            if (discovered != null) {
                discoveredOrigin = discovered;
                return discovered;
            }
        }
        try {
            return originOf(OidcSettings.fromConfig().endSessionUrl());
        } catch (RuntimeException noConfig) {
            return null;
        }
    }

    /** True when the browser reached the app over TLS, directly or through a proxy that ended it. */
    static boolean overTls(boolean secureConnection, String forwardedProto) {
        return secureConnection || (forwardedProto != null && forwardedProto.strip().equalsIgnoreCase("https"));
    }

    /** True for a request that carries a bearer token to a path that is not the API's. */
    static boolean bearerOutsideApi(String relativePath, String authorization) {
        return authorization != null && authorization.strip().regionMatches(true, 0, "Bearer", 0, 6)
                && !CxOidcConfigResolver.isApi(relativePath);
    }

    static final class Handler implements HttpHandler {
        private final HttpHandler next;
        private final Supplier<String> signInOrigin;

        Handler(HttpHandler next, Supplier<String> signInOrigin) {
            this.next = next;
            this.signInOrigin = signInOrigin;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            boolean tls = overTls(exchange.isSecure(), exchange.getRequestHeaders().getFirst(FORWARDED_PROTO));
            String policy = contentSecurityPolicy(signInOrigin.get());
            // set when the response commits, so that a servlet's reset() or an error page cannot drop them
            exchange.addResponseCommitListener(committing -> {
                HeaderMap headers = committing.getResponseHeaders();
                headers.put(CSP, policy);
                headers.put(NOSNIFF, "nosniff");
                headers.put(REFERRER_POLICY, "same-origin");
                headers.put(FRAME_OPTIONS, "DENY");
                if (tls) {
                    headers.put(HSTS, HSTS_VALUE);
                }
                for (Cookie cookie : committing.responseCookies()) {
                    hardenCookie(cookie, tls);
                }
            });
            if (bearerOutsideApi(exchange.getRelativePath(), exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
                refuseBearer(exchange);
                return;
            }
            next.handleRequest(exchange);
        }

        private static void refuseBearer(HttpServerExchange exchange) {
            exchange.setStatusCode(401);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
            String body = "{\"type\":\"https://cxtracker.io/problems/bearer-outside-api\",\"title\":\"Unauthorized\","
                    + "\"status\":401,\"detail\":\"A bearer token is accepted only under /api. The app's pages are for "
                    + "people signed in through the browser: open them without an Authorization header.\","
                    + "\"instance\":" + jsonString(exchange.getRequestPath()) + "}";
            exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Every cookie of the app (the session cookie, the OIDC client's state cookie) is {@code SameSite=Lax} unless it
     * says otherwise: another site's forms and sub-requests do not carry it, while a link from elsewhere (and the
     * redirect back from Keycloak, a top-level GET) still does. Behind TLS it is {@code Secure} as well.
     */
    static void hardenCookie(Cookie cookie, boolean tls) {
        if (cookie.getSameSiteMode() == null) {
            cookie.setSameSiteMode("Lax");
        }
        if (tls) {
            cookie.setSecure(true);
        }
    }

    static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || Character.isSurrogate(c)) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
