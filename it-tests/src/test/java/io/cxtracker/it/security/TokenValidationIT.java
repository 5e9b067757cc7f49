package io.cxtracker.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.ThrowawayKeycloak;
import io.cxtracker.it.support.Tokens;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API takes only tokens the cxtracker realm signed, that are still valid and meant for the API;
 * anything else is a 401 problem document and writes nothing. Health and the OpenAPI document stay
 * anonymous; the UI sends strangers to the Keycloak login page.
 */
@ExtendWith(ArquillianExtension.class)
class TokenValidationIT {

    private static final String WRITE = """
            {"code":"forged-%s","name":"Should never exist"}""";

    private final HttpJson app = HttpJson.forBaseUrl();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void withoutATokenTheApiAnswers401AsAProblemWithABearerChallenge() {
        var read = app.get("/api/departments");
        assertUnauthorized(read);
        assertTrue(read.header("WWW-Authenticate").startsWith("Bearer"), read::toString);
        assertEquals("/api/departments", read.json().get("instance").asText());
        assertRefusedWrite(null, "none");
    }

    @Test
    void aValidTokenIsAccepted() {
        var read = app.as(Tokens.of("exec")).get("/api/departments");
        assertEquals(200, read.status(), read::toString);
        // a valid token without a role is known (403, not 401) and still reads nothing (ARCHITECTURE §1, reads)
        var visitor = app.as(Tokens.of("visitor")).get("/api/departments");
        assertEquals(403, visitor.status(), visitor::toString);
        assertEquals("application/problem+json", visitor.header("Content-Type"), visitor::toString);
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = Tokens.expiredProgramAdmin();
        assertTrue(Tokens.claims(expired).get("exp").asLong() * 1000 < System.currentTimeMillis());
        assertUnauthorized(app.as(expired).get("/api/departments"));
        assertRefusedWrite(expired, "expired");
    }

    @Test
    void aTokenWhoseClaimsWereChangedIs401() {
        String visitor = Tokens.of("visitor");
        String[] parts = visitor.split("\\.");
        ObjectNode claims = (ObjectNode) Tokens.claims(visitor);
        ArrayNode roles = claims.putObject("realm_access").putArray("roles");
        roles.add("program-admin");
        String forged = parts[0] + "." + base64(claims.toString()) + "." + parts[2];
        assertRefusedWrite(forged, "elevated");
    }

    @Test
    void aTokenWithABrokenSignatureIs401() {
        String admin = Tokens.programAdmin();
        int last = admin.lastIndexOf('.');
        char[] signature = admin.substring(last + 1).toCharArray();
        signature[signature.length / 2] = signature[signature.length / 2] == 'A' ? 'B' : 'A';
        assertRefusedWrite(admin.substring(0, last + 1) + new String(signature), "badsig");
    }

    @Test
    void anUnsignedTokenIs401() {
        String admin = Tokens.programAdmin();
        String payload = admin.split("\\.")[1];
        assertRefusedWrite(base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".", "alg-none");
    }

    @Test
    void aTokenFromAnotherRealmIs401() {
        String other = Tokens.programAdminOfAnotherRealm();
        assertTrue(Tokens.claims(other).get("iss").asText().endsWith("/realms/elsewhere"));
        assertRefusedWrite(other, "elsewhere");
    }

    @Test
    void aTokenNotMeantForTheApiIs401() {
        String token = Tokens.programAdminWithoutApiAudience();
        assertTrue(!Tokens.claims(token).path("aud").toString().contains("cxtracker-api"), token);
        assertRefusedWrite(token, "no-audience");
    }

    @Test
    void garbageIs401() {
        assertRefusedWrite("not-a-token", "garbage");
        var basic = app.send(HttpRequest.newBuilder(app.uri("/api/departments")).header("Authorization", "Basic YWRtaW46YWRtaW4="));
        assertUnauthorized(basic);
    }

    @Test
    void healthAndTheOpenApiDocumentStayAnonymous() {
        var openapi = app.get("/openapi");
        assertEquals(200, openapi.status(), openapi::toString);
        var health = new HttpJson(System.getProperty("cx.it.management.url", "http://127.0.0.1:10190")).get("/health/ready");
        assertEquals(200, health.status(), health::toString);
    }

    @Test
    void theUiSendsStrangersToTheKeycloakLoginPage() {
        var page = app.send(HttpRequest.newBuilder(app.uri("/departments")).header("Accept", "text/html"));
        assertEquals(302, page.status(), page::toString);
        String location = page.header("Location");
        assertNotNull(location);
        assertTrue(location.startsWith(System.getProperty(ThrowawayKeycloak.PROVIDER_URL) + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("client_id=cxtracker-ui"), location);
        assertTrue(location.contains("code_challenge_method=S256"), location);
    }

    private void assertRefusedWrite(String token, String label) {
        long before = Database.count("department");
        var reply = app.as(token).post("/api/departments", WRITE.formatted(label));
        assertUnauthorized(reply);
        assertEquals(before, Database.count("department"), "a refused write left a row");
    }

    static void assertUnauthorized(HttpJson.Reply reply) {
        assertEquals(401, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
        assertEquals(401, reply.json().get("status").asInt(), reply::toString);
        assertTrue(reply.json().get("type").asText().endsWith("/unauthorized"), reply::toString);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
