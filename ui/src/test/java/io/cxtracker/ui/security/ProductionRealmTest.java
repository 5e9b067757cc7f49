package io.cxtracker.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * keycloak/cxtracker-realm-production.json, the realm a real deployment imports: no demo users, no secret of this
 * repository (secrets and the public URL are placeholders Keycloak fills from its environment at import), brute-force
 * protection on, TLS required for external clients, and otherwise the same roles, groups and clients as the local
 * realm the app is tested against.
 */
class ProductionRealmTest {
    private static final Path KEYCLOAK = Path.of("..", "keycloak");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private final String text = read("cxtracker-realm-production.json");
    private final JsonObject realm = parse(text);
    private final JsonObject local = parse(read("cxtracker-realm.json"));

    @Test
    void holdsNoUsers() {
        assertFalse(realm.containsKey("users") && !realm.getJsonArray("users").isEmpty(), "the production realm lists users");
        assertFalse(text.contains("\"credentials\""), "the production realm carries credentials");
    }

    @Test
    void protectsAgainstBruteForceWithoutLettingAttackersLockAccountsForGood() {
        assertTrue(realm.getBoolean("bruteForceProtected"));
        assertFalse(realm.getBoolean("permanentLockout"));
        assertTrue(realm.getInt("failureFactor") <= 10, "failures before a lockout");
        assertTrue(realm.getString("passwordPolicy").contains("length(12)"));
    }

    @Test
    void requiresTlsForExternalClients() {
        assertTrue(List.of("external", "all").contains(realm.getString("sslRequired")), realm.getString("sslRequired"));
        assertFalse(text.contains("http://localhost"), "a local address in the production realm");
        assertFalse(text.contains("127.0.0.1"), "a local address in the production realm");
    }

    @Test
    void containsNoSecretOfThisRepository() {
        for (String shipped : List.of("cxtracker-ui-local-secret", "cxtracker-ingest-local-secret",
                "cxtracker-directory-local-secret", "local-secret")) {
            assertFalse(text.contains(shipped), shipped);
        }
        Map<String, String> secrets = realm.getJsonArray("clients").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.containsKey("secret"))
                .collect(Collectors.toMap(c -> c.getString("clientId"), c -> c.getString("secret")));
        assertEquals(Map.of("cxtracker-ui", "${CX_OIDC_CLIENT_SECRET}", "cxtracker-ingest", "${CX_INGEST_CLIENT_SECRET}",
                "cxtracker-directory", "${CX_DIRECTORY_CLIENT_SECRET}"), secrets);
    }

    @Test
    void everyPlaceholderIsOneTheReadmeAsksTheOperatorToSet() throws IOException {
        Matcher m = PLACEHOLDER.matcher(text);
        String readme = Files.readString(Path.of("..", "README.md"));
        int count = 0;
        while (m.find()) {
            count++;
            assertTrue(readme.contains("`" + m.group(1) + "`") || readme.contains("`" + m.group() + "`"),
                    m.group(1) + " is not in README's Deploying for real");
        }
        assertEquals(6, count);
        // nothing that looks like a placeholder but is not one Keycloak resolves
        assertFalse(text.replaceAll(PLACEHOLDER.pattern(), "").contains("${"));
    }

    @Test
    void hasTheRolesGroupsAndClientsOfTheLocalRealm() {
        assertEquals(local.getJsonObject("roles"), realm.getJsonObject("roles"));
        assertEquals(local.getJsonArray("groups"), realm.getJsonArray("groups"));
        assertEquals(names(local), names(realm));
        for (JsonValue client : realm.getJsonArray("clients")) {
            assertFalse(client.asJsonObject().getBoolean("directAccessGrantsEnabled", false), client.toString());
            assertFalse(client.asJsonObject().getBoolean("implicitFlowEnabled", false), client.toString());
        }
    }

    private static List<String> names(JsonObject realm) {
        return realm.getJsonArray("clients").stream().map(c -> c.asJsonObject().getString("clientId")).toList();
    }

    private static String read(String file) {
        try {
            return Files.readString(KEYCLOAK.resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
