package io.cxtracker.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.ThrowawayKeycloak;
import io.cxtracker.it.support.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every response tells the browser (CSP, nosniff, Referrer-Policy, framing refused, HSTS only behind TLS),
 * the session cookie's attributes, sign-out by POST only, and bearer tokens refused outside /api — over plain HTTP
 * against the real server, signing in through the real Keycloak login form the way a browser does.
 */
@ExtendWith(ArquillianExtension.class)
class HttpHardeningIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = System.getProperty("cx.it.base.url", "http://127.0.0.1:8280");
    /** No cookie handling: the app's cookies are kept by hand, so that a Secure one is still sent over plain HTTP. */
    private static final HttpClient APP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, String> BEHIND_TLS = Map.of("X-Forwarded-Proto", "https");

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeadersAndNoHstsOverPlainHttp() {
        String token = Tokens.programAdmin();
        assertHardened(send("GET", "/api/departments", Map.of("Authorization", "Bearer " + token), null), 200);
        // answered by WildFly's OIDC client before any servlet filter runs
        assertHardened(send("GET", "/api/departments", Map.of(), null), 401);
        HttpResponse<String> toLogin = send("GET", "/departments", Map.of(), null);
        assertHardened(toLogin, 302);
        assertTrue(location(toLogin).startsWith(System.getProperty(ThrowawayKeycloak.PROVIDER_URL)), location(toLogin));
        // an error page
        assertHardened(send("GET", "/api/no-such-resource", Map.of("Authorization", "Bearer " + token), null), 404);
    }

    @Test
    void behindTlsHstsIsSentAndCookiesAreSecure() {
        HttpResponse<String> api = send("GET", "/api/departments",
                Map.of("Authorization", "Bearer " + Tokens.programAdmin(), "X-Forwarded-Proto", "https"), null);
        assertEquals(200, api.statusCode());
        assertEquals("max-age=31536000; includeSubDomains", api.headers().firstValue("Strict-Transport-Security").orElse(null));

        SignedIn session = signIn("auditor", BEHIND_TLS);
        assertFalse(session.sessionCookies().isEmpty(), "no session cookie was set");
        for (String cookie : session.sessionCookies()) {
            assertTrue(attributes(cookie).contains("secure"), cookie);
            assertTrue(attributes(cookie).contains("httponly"), cookie);
            assertTrue(attributes(cookie).contains("samesite=lax"), cookie);
        }
        HttpResponse<String> page = send("GET", "/departments", withCookie(session, BEHIND_TLS), null);
        assertEquals(200, page.statusCode(), page::body);
        assertEquals("max-age=31536000; includeSubDomains", page.headers().firstValue("Strict-Transport-Security").orElse(null));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSignOutNeedsAPost() {
        SignedIn session = signIn("auditor", Map.of());
        assertFalse(session.sessionCookies().isEmpty(), "no session cookie was set");
        for (String cookie : session.sessionCookies()) {
            List<String> attributes = attributes(cookie);
            assertTrue(attributes.contains("httponly"), cookie);
            assertTrue(attributes.contains("samesite=lax"), cookie);
            assertFalse(attributes.contains("secure"), "plain HTTP: a Secure cookie would never come back: " + cookie);
        }
        HttpResponse<String> page = send("GET", "/departments", withCookie(session, Map.of()), null);
        assertHardened(page, 200);

        // a GET (a link, an <img>, a prefetch) does not sign out
        HttpResponse<String> get = send("GET", "/logout", withCookie(session, Map.of()), null);
        assertHardened(get, 405);
        assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
        assertTrue(get.body().contains("<form method=\"post\" action=\"/logout\">"), get::body);
        assertEquals(200, send("GET", "/departments", withCookie(session, Map.of()), null).statusCode(), "still signed in");

        HttpResponse<String> post = send("POST", "/logout", withCookie(session, Map.of()), "");
        assertHardened(post, 302);
        assertTrue(location(post).startsWith(System.getProperty(ThrowawayKeycloak.PROVIDER_URL) + "/protocol/openid-connect/logout"),
                location(post));
        HttpResponse<String> after = send("GET", "/departments", withCookie(session, Map.of()), null);
        assertEquals(302, after.statusCode(), "signed out: back to the login page");
    }

    @Test
    void aBearerTokenOutsideTheApiIsRefusedAlsoWithASession() throws IOException {
        // a token issued to another client of the realm (the tests' client), and the ingestion service account's
        for (String token : List.of(Tokens.programAdmin(), Tokens.of(Tokens.INGEST), Tokens.programAdminWithoutApiAudience())) {
            for (String path : List.of("/", "/departments", "/audit", "/VAADIN/", "/logout")) {
                HttpResponse<String> refused = send("GET", path, Map.of("Authorization", "Bearer " + token), null);
                assertBearerRefused(refused, path);
            }
            HttpResponse<String> uidl = send("POST", "/?v-r=uidl&v-uiId=0", Map.of("Authorization", "Bearer " + token,
                    "Content-Type", "application/json"), "{}");
            assertBearerRefused(uidl, "/?v-r=uidl&v-uiId=0");
        }
        // the header is refused even beside a real browser session: the token must not pick the identity
        SignedIn session = signIn("auditor", Map.of());
        Map<String, String> both = new LinkedHashMap<>(withCookie(session, Map.of()));
        both.put("Authorization", "Bearer " + Tokens.programAdmin());
        assertBearerRefused(send("GET", "/departments", both, null), "/departments");
        // the API still takes it
        assertEquals(200, send("GET", "/api/departments", Map.of("Authorization", "Bearer " + Tokens.programAdmin()), null)
                .statusCode());
    }

    private static void assertBearerRefused(HttpResponse<String> refused, String path) {
        assertHardened(refused, 401);
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(null), path);
        try {
            JsonNode problem = JSON.readTree(refused.body());
            assertEquals("https://cxtracker.io/problems/bearer-outside-api", problem.get("type").asText(), path);
            assertEquals(401, problem.get("status").asInt());
            assertTrue(problem.get("detail").asText().contains("only under /api"), refused::body);
        } catch (IOException e) {
            throw new AssertionError(path + ": not a problem document: " + refused.body(), e);
        }
    }

    private static void assertHardened(HttpResponse<String> response, int status) {
        String where = response.request().method() + " " + response.uri() + " → " + response.statusCode();
        assertEquals(status, response.statusCode(), () -> where + " " + response.body());
        String csp = response.headers().firstValue("Content-Security-Policy").orElse(null);
        assertNotNull(csp, where + ": no Content-Security-Policy");
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.startsWith("default-src 'self'; "), csp);
        assertTrue(csp.contains("object-src 'none'"), csp);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), where);
        assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(null), where);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), where);
        if (!"https".equals(response.request().headers().firstValue("X-Forwarded-Proto").orElse(null))) {
            assertNull(response.headers().firstValue("Strict-Transport-Security").orElse(null), where + ": HSTS over plain HTTP");
        }
    }

    /** A browser's sign-in through the login form; the session cookies the app set on the way. */
    private record SignedIn(Map<String, String> cookies, List<String> sessionCookies) {
    }

    private static SignedIn signIn(String user, Map<String, String> headers) {
        Map<String, String> cookies = new LinkedHashMap<>();
        List<String> setCookies = new ArrayList<>();
        HttpResponse<String> toLogin = send("GET", "/departments", headers, null);
        keep(toLogin, cookies, setCookies);
        assertEquals(302, toLogin.statusCode(), toLogin::body);

        // Keycloak marks its cookies Secure also over plain HTTP (browsers treat localhost as secure): kept by hand too
        Map<String, String> keycloakCookies = new LinkedHashMap<>();
        HttpResponse<String> form = exchange(APP, HttpRequest.newBuilder(URI.create(location(toLogin))).GET());
        keep(form, keycloakCookies, new ArrayList<>());
        assertEquals(200, form.statusCode(), form::body);
        Matcher tag = Pattern.compile("<form[^>]*kc-form-login[^>]*>").matcher(form.body());
        assertTrue(tag.find(), "no login form: " + form.body());
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(tag.group());
        assertTrue(action.find(), tag.group());
        String post = action.group(1).replace("&amp;", "&");
        HttpResponse<String> back = exchange(APP, HttpRequest.newBuilder(URI.create(post))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookieHeader(keycloakCookies))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(user) + "&credentialId=")));
        assertEquals(302, back.statusCode(), back::body);

        String next = location(back);
        for (int hop = 0; hop < 5 && next.startsWith(BASE); hop++) {
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (!cookies.isEmpty()) {
                sent.put("Cookie", cookieHeader(cookies));
            }
            HttpResponse<String> reply = send("GET", next.substring(BASE.length()), sent, null);
            keep(reply, cookies, setCookies);
            if (reply.statusCode() != 302) {
                assertEquals(200, reply.statusCode(), reply::body);
                break;
            }
            next = location(reply);
        }
        List<String> sessions = setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
        return new SignedIn(cookies, sessions);
    }

    private static Map<String, String> withCookie(SignedIn session, Map<String, String> headers) {
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.put("Cookie", cookieHeader(session.cookies()));
        return sent;
    }

    private static void keep(HttpResponse<String> response, Map<String, String> cookies, List<String> setCookies) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            setCookies.add(cookie);
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static List<String> attributes(String setCookie) {
        List<String> attributes = new ArrayList<>();
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            attributes.add(parts[i].strip().toLowerCase(Locale.ROOT));
        }
        return attributes;
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return exchange(APP, request);
    }

    private static HttpResponse<String> exchange(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse(null);
        assertNotNull(location, () -> response.statusCode() + " without Location: " + response.body());
        return location.startsWith("/") ? BASE + location : location;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
