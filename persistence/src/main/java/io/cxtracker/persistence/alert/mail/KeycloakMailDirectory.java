package io.cxtracker.persistence.alert.mail;

import io.cxtracker.domain.alert.Audience;
import io.cxtracker.domain.alert.mail.MailDirectory;
import io.cxtracker.domain.alert.mail.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who is in an audience, from Keycloak's admin REST API, as the confidential client {@code cx.directory.client-id}
 * (default {@code cxtracker-directory}, secret {@code cx.directory.client-secret}) whose service account holds only
 * realm-management's {@code view-users}, {@code query-users} and {@code query-groups}. Keycloak answers "who holds realm
 * role r" only to view-realm, which this client does not get: a role's holders are found among all users, each user's
 * effective realm roles read once per cache period. The leads of a department are the members of group
 * {@code /departments/<code>} who hold {@code department-lead}. Answers are kept for {@code cx.directory.cache}
 * (ISO duration, default PT1M), so a turn that expands many alerts asks once per audience; a Keycloak that does not
 * answer within the timeouts fails the lookup ({@link DirectoryUnavailableException}).
 */
@ApplicationScoped
public class KeycloakMailDirectory implements MailDirectory {
    static final String LEAD_ROLE = "department-lead";
    private static final int PAGE = 100;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<Audience, Cached<List<Recipient>>> audiences = new ConcurrentHashMap<>();
    private final Map<String, Cached<Set<String>>> roles = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private volatile Cached<String> token;

    private record Cached<T>(T value, Instant until) {
    }

    @Override
    public List<Recipient> members(Audience audience) {
        Instant now = clock.instant();
        Cached<List<Recipient>> known = audiences.get(audience);
        if (known != null && known.until().isAfter(now)) {
            return known.value();
        }
        List<Recipient> found = lookUp(audience);
        audiences.put(audience, new Cached<>(found, now.plus(cachePeriod())));
        return found;
    }

    private List<Recipient> lookUp(Audience audience) {
        String value = audience.value();
        if (value.startsWith("leads:")) {
            String department = value.substring("leads:".length());
            JsonObject group = getObject("/group-by-path/departments/" + enc(department), true);
            if (group == null) {
                return List.of(); // no such department group: nobody leads it
            }
            List<JsonObject> members = pages("/groups/" + enc(group.getString("id")) + "/members?briefRepresentation=true");
            return recipients(members, LEAD_ROLE);
        }
        String role = value.substring("role:".length());
        return recipients(pages("/users?briefRepresentation=true&enabled=true"), role);
    }

    /** The enabled users with an address who hold the role, by user name. */
    private List<Recipient> recipients(List<JsonObject> users, String role) {
        List<Recipient> found = new ArrayList<>();
        for (JsonObject user : users) {
            String address = user.getString("email", null);
            if (!user.getBoolean("enabled", true) || address == null || address.isBlank()) {
                continue;
            }
            if (realmRoles(user.getString("id")).contains(role)) {
                String name = String.join(" ", List.of(user.getString("firstName", ""), user.getString("lastName", ""))).strip();
                found.add(new Recipient(user.getString("username"), address, name.isEmpty() ? null : name));
            }
        }
        found.sort((a, b) -> a.userName().compareTo(b.userName()));
        return List.copyOf(found);
    }

    /** The user's effective realm roles: direct, through groups and through composite roles. */
    private Set<String> realmRoles(String userId) {
        Instant now = clock.instant();
        Cached<Set<String>> known = roles.get(userId);
        if (known != null && known.until().isAfter(now)) {
            return known.value();
        }
        JsonArray mapped = getArray("/users/" + enc(userId) + "/role-mappings/realm/composite");
        Set<String> names = mapped.stream().map(JsonValue::asJsonObject).map(r -> r.getString("name"))
                .collect(Collectors.toUnmodifiableSet());
        roles.put(userId, new Cached<>(names, now.plus(cachePeriod())));
        return names;
    }

    private List<JsonObject> pages(String path) {
        List<JsonObject> all = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            JsonArray page = getArray(path + (path.contains("?") ? "&" : "?") + "first=" + first + "&max=" + PAGE);
            page.forEach(v -> all.add(v.asJsonObject()));
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    private JsonArray getArray(String path) {
        String body = get(path, false);
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    private JsonObject getObject(String path, boolean notFoundIsEmpty) {
        String body = get(path, notFoundIsEmpty);
        if (body == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The body of a 200, null for a 404 when that means "none"; anything else fails the lookup. */
    private String get(String path, boolean notFoundIsEmpty) {
        URI uri = URI.create(adminBase() + path);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token())
                .header("Accept", "application/json").GET());
        if (response.statusCode() == 401) {
            token = null; // revoked or expired early: a fresh one next time
        }
        if (response.statusCode() == 404 && notFoundIsEmpty) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new DirectoryUnavailableException("Keycloak answered " + response.statusCode() + " to GET " + uri.getPath(), null);
        }
        return response.body();
    }

    private String token() {
        Cached<String> known = token;
        Instant now = clock.instant();
        if (known != null && known.until().isAfter(now)) {
            return known.value();
        }
        Config config = ConfigProvider.getConfig();
        String form = "grant_type=client_credentials&client_id=" + enc(clientId(config)) + "&client_secret="
                + enc(config.getOptionalValue("cx.directory.client-secret", String.class).orElse(""));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(providerUrl(config) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            // the body names the error (invalid_client…), never the secret
            throw new DirectoryUnavailableException("Keycloak refused a token to client " + clientId(config) + ": "
                    + response.statusCode() + " " + response.body(), null);
        }
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            answer = reader.readObject();
        }
        long lifetime = answer.getJsonNumber("expires_in") == null ? 60 : answer.getJsonNumber("expires_in").longValue();
        Cached<String> fresh = new Cached<>(answer.getString("access_token"), now.plusSeconds(Math.max(5, lifetime - 15)));
        token = fresh;
        return fresh.value();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DirectoryUnavailableException("Keycloak did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailableException("interrupted while asking Keycloak", e);
        }
    }

    private String adminBase() {
        String provider = providerUrl(ConfigProvider.getConfig());
        int realms = provider.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new DirectoryUnavailableException("cx.oidc.provider-url does not name a realm: " + provider, null);
        }
        return provider.substring(0, realms) + "/admin" + provider.substring(realms);
    }

    private static String providerUrl(Config config) {
        String url = config.getOptionalValue("cx.directory.provider-url", String.class)
                .or(() -> config.getOptionalValue("cx.oidc.provider-url", String.class))
                .orElse("http://localhost:8180/realms/cxtracker");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String clientId(Config config) {
        return config.getOptionalValue("cx.directory.client-id", String.class).orElse("cxtracker-directory");
    }

    private static Duration cachePeriod() {
        return ConfigProvider.getConfig().getOptionalValue("cx.directory.cache", String.class).map(Duration::parse)
                .orElse(Duration.ofMinutes(1));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
