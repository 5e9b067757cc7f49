package io.cxtracker.ui.security;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where Keycloak is and who the app is to it. Every value comes from MicroProfile Config, so a system
 * property ({@code -Dcx.oidc.provider-url=…}) or an environment variable ({@code CX_OIDC_PROVIDER_URL})
 * sets it; the local defaults live in {@code META-INF/microprofile-config.properties}, not in code.
 *
 * @param providerUrl  the realm's issuer, e.g. {@code http://localhost:8180/realms/cxtracker}
 * @param uiClientId   the confidential client the UI logs users in with (authorization-code flow)
 * @param uiClientSecret its secret
 * @param apiClientId  the API as a bearer-only resource; tokens must name it in {@code aud}
 * @param sslRequired  {@code external} (plain HTTP only from local addresses), {@code all} or {@code none}
 * @param connectTimeoutMillis how long the server waits to connect to Keycloak (discovery, keys, code exchange)
 * @param readTimeoutMillis    how long it waits for Keycloak's answer once connected. The OIDC client's own default
 *                             is to wait forever: a Keycloak that hangs would hang every request that needs it (a
 *                             token signed by a key not seen yet) instead of refusing it
 */
public record OidcSettings(String providerUrl, String uiClientId, String uiClientSecret, String apiClientId, String sslRequired,
                           int connectTimeoutMillis, int readTimeoutMillis) {

    public static final String PROVIDER_URL = "cx.oidc.provider-url";
    public static final String UI_CLIENT_ID = "cx.oidc.client-id";
    public static final String UI_CLIENT_SECRET = "cx.oidc.client-secret";
    public static final String API_CLIENT_ID = "cx.oidc.api-client-id";
    public static final String SSL_REQUIRED = "cx.oidc.ssl-required";
    public static final String CONNECT_TIMEOUT = "cx.oidc.connect-timeout-ms";
    public static final String READ_TIMEOUT = "cx.oidc.read-timeout-ms";
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 2_000;
    public static final int DEFAULT_READ_TIMEOUT_MILLIS = 5_000;

    public OidcSettings {
        providerUrl = stripTrailingSlash(required(PROVIDER_URL, providerUrl));
        required(UI_CLIENT_ID, uiClientId);
        required(UI_CLIENT_SECRET, uiClientSecret);
        required(API_CLIENT_ID, apiClientId);
        sslRequired = sslRequired == null || sslRequired.isBlank() ? "external" : sslRequired;
        if (connectTimeoutMillis <= 0 || readTimeoutMillis <= 0) {
            throw new IllegalStateException("OIDC timeouts must be positive (" + CONNECT_TIMEOUT + ", " + READ_TIMEOUT + "): "
                    + connectTimeoutMillis + ", " + readTimeoutMillis);
        }
    }

    /** With the default timeouts. */
    public OidcSettings(String providerUrl, String uiClientId, String uiClientSecret, String apiClientId, String sslRequired) {
        this(providerUrl, uiClientId, uiClientSecret, apiClientId, sslRequired, DEFAULT_CONNECT_TIMEOUT_MILLIS,
                DEFAULT_READ_TIMEOUT_MILLIS);
    }

    /** Reads the settings from the deployment's MicroProfile Config. */
    public static OidcSettings fromConfig() {
        Config config = ConfigProvider.getConfig(OidcSettings.class.getClassLoader());
        return new OidcSettings(
                value(config, PROVIDER_URL), value(config, UI_CLIENT_ID), value(config, UI_CLIENT_SECRET),
                value(config, API_CLIENT_ID), config.getOptionalValue(SSL_REQUIRED, String.class).orElse("external"),
                config.getOptionalValue(CONNECT_TIMEOUT, Integer.class).orElse(DEFAULT_CONNECT_TIMEOUT_MILLIS),
                config.getOptionalValue(READ_TIMEOUT, Integer.class).orElse(DEFAULT_READ_TIMEOUT_MILLIS));
    }

    /** The UI: authorization-code flow with PKCE, the tokens kept in the HTTP session. */
    public String uiJson() {
        return common(uiClientId)
                .add("credentials", Json.createObjectBuilder().add("secret", uiClientSecret))
                .add("enable-pkce", true)
                .build().toString();
    }

    /** The API: bearer tokens only (401 without one, never a redirect), meant for the API ({@code aud}). */
    public String apiJson() {
        return common(apiClientId)
                .add("bearer-only", true)
                .add("verify-token-audience", true)
                .build().toString();
    }

    /** Keycloak's end-session endpoint (RP-initiated logout). */
    public String endSessionUrl() {
        return providerUrl + "/protocol/openid-connect/logout";
    }

    private JsonObjectBuilder common(String clientId) {
        return Json.createObjectBuilder()
                .add("provider-url", providerUrl)
                .add("client-id", clientId)
                .add("ssl-required", sslRequired)
                .add("principal-attribute", "preferred_username")
                .add("use-realm-role-mappings", true)
                .add("connection-timeout-millis", connectTimeoutMillis)
                .add("socket-timeout-millis", readTimeoutMillis);
    }

    private static String value(Config config, String name) {
        Optional<String> value = config.getOptionalValue(name, String.class);
        return value.orElseThrow(() -> new IllegalStateException("OIDC setting " + name + " is not configured (env "
                + name.toUpperCase().replaceAll("[^A-Z0-9]", "_") + ")"));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("OIDC setting " + name + " is empty");
        }
        return value;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        // never print the secret
        return "OidcSettings[providerUrl=" + providerUrl + ", uiClientId=" + uiClientId + ", apiClientId=" + apiClientId
                + ", sslRequired=" + sslRequired + ", uiClientSecret=" + (Objects.requireNonNull(uiClientSecret).isEmpty() ? "" : "***") + "]";
    }
}
