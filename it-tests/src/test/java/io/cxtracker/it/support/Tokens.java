package io.cxtracker.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the tests' Keycloak: demo users by password grant (test client
 * {@value TestRealm#CLIENT}; every demo user's password is their user name), the ingestion service
 * account by client credentials, and the deliberately bad ones the security tests need.
 */
public final class Tokens {
    /** Demo callers of the realm import, by the name the authorization matrix uses. */
    public static final String ANONYMOUS = "anonymous";
    public static final String INGEST = "cxtracker-ingest";
    public static final String INGEST_SECRET = "cxtracker-ingest-local-secret";

    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The access token of a matrix caller: a demo user name, {@value #INGEST}, or null for {@value #ANONYMOUS}. */
    public static String of(String caller) {
        if (ANONYMOUS.equals(caller)) {
            return null;
        }
        Token cached = CACHE.get(caller);
        if (cached != null && cached.expiresAt() > System.currentTimeMillis() + 60_000) {
            return cached.value();
        }
        String token = INGEST.equals(caller) ? clientCredentials(INGEST, INGEST_SECRET) : password(ThrowawayKeycloak.REALM, TestRealm.CLIENT, caller, caller);
        CACHE.put(caller, new Token(token, expiry(token)));
        return token;
    }

    public static String programAdmin() {
        return of("admin");
    }

    /** A genuine token of the realm for a program admin, waited on until it has expired. */
    public static String expiredProgramAdmin() {
        String token = password(ThrowawayKeycloak.REALM, TestRealm.SHORT_LIVED_CLIENT, "admin", "admin");
        long waitUntil = expiry(token) + 2_000;
        while (System.currentTimeMillis() < waitUntil) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    /** A genuine token of the realm for a program admin that does not name the API as its audience. */
    public static String programAdminWithoutApiAudience() {
        return password(ThrowawayKeycloak.REALM, TestRealm.NO_AUDIENCE_CLIENT, "admin", "admin");
    }

    /** A program admin of another realm (its own keys and issuer) claiming the API as audience. */
    public static String programAdminOfAnotherRealm() {
        return password(TestRealm.OTHER_REALM, TestRealm.CLIENT, "admin", "admin");
    }

    public static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        return TestRealm.read(new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static long expiry(String token) {
        return claims(token).get("exp").asLong() * 1000;
    }

    private static String password(String realm, String client, String username, String password) {
        return token(realm, "grant_type=password&client_id=" + TestRealm.enc(client) + "&username=" + TestRealm.enc(username)
                + "&password=" + TestRealm.enc(password) + "&scope=openid");
    }

    private static String clientCredentials(String client, String secret) {
        return token(ThrowawayKeycloak.REALM, "grant_type=client_credentials&client_id=" + TestRealm.enc(client)
                + "&client_secret=" + TestRealm.enc(secret));
    }

    private static String token(String realm, String form) {
        String keycloak = System.getProperty(ThrowawayKeycloak.KEYCLOAK_URL, "http://localhost:8543").replace("//localhost:", "//127.0.0.1:");
        HttpResponse<String> response = TestRealm.exchange(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token (" + realm + "): " + response.statusCode() + " " + response.body());
        }
        return TestRealm.read(response.body()).get("access_token").asText();
    }

    private record Token(String value, long expiresAt) {
    }
}
