package io.cxtracker.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What only the tests add to the fresh Keycloak, through its admin REST API, so that the realm import
 * in the repository stays free of password-grant clients:
 * <ul>
 *   <li>{@value #CLIENT}: a public client with direct access grants (password grant) whose tokens are meant
 *       for the API (audience cxtracker-api) and carry the department groups — like a real API client's;</li>
 *   <li>{@value #SHORT_LIVED_CLIENT}: the same, but its access tokens live one second (expired-token tests);</li>
 *   <li>{@value #NO_AUDIENCE_CLIENT}: valid tokens of the realm that are not meant for the API;</li>
 *   <li>realm {@value #OTHER_REALM}: its own keys, a program-admin user and a client whose tokens claim the
 *       API as audience — a token from another realm;</li>
 *   <li>the app's test address (cx.it.base.url) as a redirect and post-logout URI of the UI client, which the
 *       import registers for the run command's address only.</li>
 * </ul>
 */
public final class TestRealm {
    public static final String CLIENT = "cxtracker-it";
    public static final String SHORT_LIVED_CLIENT = "cxtracker-it-short-lived";
    public static final String NO_AUDIENCE_CLIENT = "cxtracker-it-no-audience";
    public static final String OTHER_REALM = "elsewhere";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1: the JDK client's h2c upgrade attempt on a POST can make the server handle the request twice. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private TestRealm() {
    }

    static void setUp(String keycloak) {
        String admin = adminToken(keycloak);
        createClient(keycloak, admin, ThrowawayKeycloak.REALM, client(CLIENT, true, Map.of()));
        createClient(keycloak, admin, ThrowawayKeycloak.REALM, client(SHORT_LIVED_CLIENT, true, Map.of("access.token.lifespan", "1")));
        createClient(keycloak, admin, ThrowawayKeycloak.REALM, client(NO_AUDIENCE_CLIENT, false, Map.of()));
        Map<String, Object> other = Map.of(
                "realm", OTHER_REALM,
                "enabled", true,
                "roles", Map.of("realm", List.of(Map.of("name", "program-admin"))),
                "users", List.of(Map.of(
                        "username", "admin", "enabled", true, "emailVerified", true,
                        "firstName", "Other", "lastName", "Admin", "email", "admin@elsewhere.example",
                        "credentials", List.of(Map.of("type", "password", "value", "admin", "temporary", false)),
                        "realmRoles", List.of("program-admin"))),
                "clients", List.of(client(CLIENT, true, Map.of())));
        send(keycloak, admin, "POST", "/admin/realms", other, 201, 409);
        allowRedirectsTo(keycloak, admin, System.getProperty("cx.it.base.url", "http://127.0.0.1:8280"));
    }

    private static void allowRedirectsTo(String keycloak, String admin, String appBase) {
        String clients = "/admin/realms/" + ThrowawayKeycloak.REALM + "/clients";
        HttpResponse<String> found = exchange(HttpRequest.newBuilder(URI.create(keycloak + clients + "?clientId=cxtracker-ui"))
                .header("Authorization", "Bearer " + admin));
        com.fasterxml.jackson.databind.node.ObjectNode ui = (com.fasterxml.jackson.databind.node.ObjectNode) read(found.body()).get(0);
        String pattern = appBase + "/*";
        ((com.fasterxml.jackson.databind.node.ArrayNode) ui.get("redirectUris")).add(pattern);
        com.fasterxml.jackson.databind.node.ObjectNode attributes = (com.fasterxml.jackson.databind.node.ObjectNode) ui.get("attributes");
        String logout = attributes.path("post.logout.redirect.uris").asText("");
        attributes.put("post.logout.redirect.uris", logout.isEmpty() ? pattern : logout + "##" + pattern);
        send(keycloak, admin, "PUT", clients + "/" + ui.get("id").asText(), ui, 204);
    }

    private static Map<String, Object> client(String clientId, boolean apiAudience, Map<String, String> attributes) {
        Map<String, Object> groups = Map.of("name", "department groups", "protocol", "openid-connect",
                "protocolMapper", "oidc-group-membership-mapper",
                "config", Map.of("claim.name", "groups", "full.path", "true", "access.token.claim", "true",
                        "id.token.claim", "true", "userinfo.token.claim", "true"));
        Map<String, Object> audience = Map.of("name", "api audience", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", "cxtracker-api", "access.token.claim", "true",
                        "id.token.claim", "false"));
        return Map.of(
                "clientId", clientId,
                "enabled", true,
                "publicClient", true,
                "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false,
                "attributes", attributes,
                "protocolMappers", apiAudience ? List.of(groups, audience) : List.of(groups));
    }

    private static void createClient(String keycloak, String admin, String realm, Map<String, Object> client) {
        send(keycloak, admin, "POST", "/admin/realms/" + realm + "/clients", client, 201, 409);
    }

    private static String adminToken(String keycloak) {
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(ThrowawayKeycloak.ADMIN_USER)
                + "&password=" + enc(ThrowawayKeycloak.ADMIN_PASSWORD);
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no admin token from Keycloak: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("access_token").asText();
    }

    /** Sends and insists on one of the expected statuses (409 where "already there" is as good as created). */
    private static void send(String keycloak, String admin, String method, String path, Object body, int... expected) {
        // A freshly started Keycloak may still be writing its realm import; on a loaded machine an admin call
        // then fails with "Database operation failed". Such failures are retried; a 409 on a retry means the
        // earlier attempt did get through.
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = exchange(HttpRequest.newBuilder(URI.create(keycloak + path))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int status = response.statusCode();
            if (java.util.Arrays.stream(expected).anyMatch(s -> s == status) || (attempt > 1 && status == 409)) {
                return;
            }
            boolean transientFailure = status >= 500 || response.body().contains("Database operation failed");
            if (!transientFailure || attempt == 10) {
                throw new IllegalStateException(method + " " + path + " answered " + status + ": " + response.body());
            }
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
