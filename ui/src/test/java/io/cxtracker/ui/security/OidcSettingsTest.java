package io.cxtracker.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private final OidcSettings settings = new OidcSettings("http://kc.example:8180/realms/cxtracker/", "cxtracker-ui",
            "s3cret\"quoted", "cxtracker-api", null);

    @Test
    void uiUsesTheAuthorizationCodeFlowWithItsSecret() {
        JsonObject ui = parse(settings.uiJson());
        assertEquals("http://kc.example:8180/realms/cxtracker", ui.getString("provider-url"));
        assertEquals("cxtracker-ui", ui.getString("client-id"));
        assertEquals("s3cret\"quoted", ui.getJsonObject("credentials").getString("secret"));
        assertFalse(ui.containsKey("bearer-only"));
        assertTrue(ui.getBoolean("enable-pkce"));
        assertEquals("external", ui.getString("ssl-required"));
        assertEquals("preferred_username", ui.getString("principal-attribute"));
    }

    @Test
    void apiIsBearerOnlyAndChecksTheAudienceWithoutASecret() {
        JsonObject api = parse(settings.apiJson());
        assertEquals("cxtracker-api", api.getString("client-id"));
        assertTrue(api.getBoolean("bearer-only"));
        assertTrue(api.getBoolean("verify-token-audience"));
        assertFalse(api.containsKey("credentials"));
    }

    @Test
    void bothConfigurationsGiveUpOnAKeycloakThatDoesNotAnswer() {
        // the OIDC client's default is to wait forever; a hanging Keycloak must not hang the requests that need it
        for (JsonObject json : new JsonObject[] {parse(settings.uiJson()), parse(settings.apiJson())}) {
            assertEquals(2_000, json.getInt("connection-timeout-millis"));
            assertEquals(5_000, json.getInt("socket-timeout-millis"));
        }
        JsonObject tuned = parse(new OidcSettings("http://x", "ui", "s", "api", "all", 750, 1_500).apiJson());
        assertEquals(750, tuned.getInt("connection-timeout-millis"));
        assertEquals(1_500, tuned.getInt("socket-timeout-millis"));
        var e = assertThrows(IllegalStateException.class, () -> new OidcSettings("http://x", "ui", "s", "api", "all", 0, 1_500));
        assertTrue(e.getMessage().contains("cx.oidc.connect-timeout-ms"), e.getMessage());
    }

    @Test
    void endSessionIsKeycloaksLogoutEndpoint() {
        assertEquals("http://kc.example:8180/realms/cxtracker/protocol/openid-connect/logout", settings.endSessionUrl());
    }

    @Test
    void missingValuesAreNamedAndTheSecretIsNeverPrinted() {
        var e = assertThrows(IllegalStateException.class, () -> new OidcSettings("http://x", "ui", " ", "api", "all"));
        assertTrue(e.getMessage().contains("cx.oidc.client-secret"), e.getMessage());
        assertFalse(settings.toString().contains("s3cret"));
    }

    @Test
    void onlyApiPathsAreBearerOnly() {
        assertTrue(CxOidcConfigResolver.isApi("/api"));
        assertTrue(CxOidcConfigResolver.isApi("/api/departments"));
        assertTrue(CxOidcConfigResolver.isApi("/api/departments?limit=2"));
        assertTrue(CxOidcConfigResolver.isApi("/api?x"));
        assertFalse(CxOidcConfigResolver.isApi("/apidocs"));
        assertFalse(CxOidcConfigResolver.isApi("/"));
        assertFalse(CxOidcConfigResolver.isApi("/departments/api"));
        assertFalse(CxOidcConfigResolver.isApi(null));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
