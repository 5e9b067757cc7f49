package io.cxtracker.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpHardeningTest {

    @Test
    void thePolicyRefusesFramingPluginsAndOtherOriginsAndLetsTheSignOutReachKeycloak() {
        assertEquals("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self' http://localhost:8180; frame-ancestors 'none'",
                HttpHardening.contentSecurityPolicy("http://localhost:8180"));
        assertTrue(HttpHardening.contentSecurityPolicy(null).contains("form-action 'self'; frame-ancestors 'none'"));
    }

    @Test
    void theOriginOfKeycloaksEndpointIsSchemeHostAndPort() {
        assertEquals("http://localhost:8180", HttpHardening.originOf("http://localhost:8180/realms/cx/protocol/openid-connect/logout"));
        assertEquals("https://sso.example.com", HttpHardening.originOf("https://sso.example.com/realms/cx"));
        assertNull(HttpHardening.originOf("not a url"));
        assertNull(HttpHardening.originOf("/relative/only"));
    }

    @Test
    void tlsIsTheConnectionsOrTheProxysWord() {
        assertTrue(HttpHardening.overTls(true, null));
        assertTrue(HttpHardening.overTls(false, "https"));
        assertTrue(HttpHardening.overTls(false, " HTTPS "));
        assertFalse(HttpHardening.overTls(false, "http"));
        assertFalse(HttpHardening.overTls(false, null));
    }

    @Test
    void aBearerTokenIsRefusedEverywhereButTheApi() {
        assertTrue(HttpHardening.bearerOutsideApi("/departments", "Bearer eyJ..."));
        assertTrue(HttpHardening.bearerOutsideApi("/", "bearer eyJ..."));
        assertTrue(HttpHardening.bearerOutsideApi("/apiary", "Bearer eyJ..."), "only /api and below is the API");
        assertTrue(HttpHardening.bearerOutsideApi("/VAADIN/build/x.js", "  Bearer x"));
        assertFalse(HttpHardening.bearerOutsideApi("/api/departments", "Bearer eyJ..."));
        assertFalse(HttpHardening.bearerOutsideApi("/api", "Bearer eyJ..."));
        assertFalse(HttpHardening.bearerOutsideApi("/departments", null));
        assertFalse(HttpHardening.bearerOutsideApi("/departments", "Basic dXNlcjpwdw=="));
    }

    @Test
    void theRefusedPathIsQuotedAsJson() {
        assertEquals("\"/a\\\"b\\\\c\\u003cscript\\u003e\\u0001\"", HttpHardening.jsonString("/a\"b\\c<script>\u0001"));
    }

    @Test
    void cookiesAreLaxUnlessTheySayOtherwiseAndSecureBehindTls() {
        io.undertow.server.handlers.Cookie session = cookie(null);
        HttpHardening.hardenCookie(session, false);
        assertEquals("Lax", session.getSameSiteMode());
        assertFalse(session.isSecure());
        io.undertow.server.handlers.Cookie strict = cookie("Strict");
        HttpHardening.hardenCookie(strict, true);
        assertEquals("Strict", strict.getSameSiteMode());
        assertTrue(strict.isSecure());
    }

    /** A cookie with just the two attributes the hardening touches (Undertow's own needs its logging at run time). */
    private static io.undertow.server.handlers.Cookie cookie(String sameSite) {
        java.util.Map<String, Object> state = new java.util.HashMap<>();
        state.put("sameSite", sameSite);
        state.put("secure", false);
        return (io.undertow.server.handlers.Cookie) java.lang.reflect.Proxy.newProxyInstance(
                HttpHardeningTest.class.getClassLoader(), new Class<?>[] {io.undertow.server.handlers.Cookie.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSameSiteMode" -> state.get("sameSite");
                    case "setSameSiteMode" -> {
                        state.put("sameSite", args[0]);
                        yield proxy;
                    }
                    case "isSecure" -> state.get("secure");
                    case "setSecure" -> {
                        state.put("secure", args[0]);
                        yield proxy;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
