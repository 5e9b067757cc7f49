package io.cxtracker.ui.security;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.wildfly.security.http.oidc.OidcClientConfiguration;
import org.wildfly.security.http.oidc.OidcClientConfigurationBuilder;
import org.wildfly.security.http.oidc.OidcClientConfigurationResolver;
import org.wildfly.security.http.oidc.OidcHttpFacade;

/**
 * One WAR, two kinds of callers: {@code /api/**} takes bearer tokens only (401 without one), everything
 * else is the UI, which logs users in through Keycloak (authorization-code flow). WildFly's
 * elytron-oidc-client asks this class (context-param {@code oidc.config.resolver} in web.xml) which
 * configuration applies to a request. Each configuration is built once, on first use, from
 * {@link OidcSettings}; the built objects hold the discovered endpoints and the realm's keys.
 */
public class CxOidcConfigResolver implements OidcClientConfigurationResolver {
    private static final Logger LOG = Logger.getLogger(CxOidcConfigResolver.class.getName());

    /** The configurations of this deployment once built (one resolver per deployment). */
    private static volatile Configurations lastBuilt;

    private volatile Configurations configurations;

    @Override
    public OidcClientConfiguration resolve(OidcHttpFacade.Request request) {
        Configurations built = configurations();
        return isApi(request.getRelativePath()) ? built.api() : built.ui();
    }

    /** True for the REST API's paths: {@code /api} and everything under {@code /api/}. */
    public static boolean isApi(String relativePath) {
        if (relativePath == null) {
            return false;
        }
        int query = relativePath.indexOf('?');
        String path = query < 0 ? relativePath : relativePath.substring(0, query);
        return path.equals("/api") || path.startsWith("/api/");
    }

    private Configurations configurations() {
        Configurations built = configurations;
        if (built == null) {
            synchronized (this) {
                built = configurations;
                if (built == null) {
                    OidcSettings settings = OidcSettings.fromConfig();
                    LOG.info("OIDC: UI logs in through " + settings.providerUrl() + " as " + settings.uiClientId()
                            + "; /api accepts bearer tokens for " + settings.apiClientId());
                    built = new Configurations(build(settings.uiJson()), build(settings.apiJson()));
                    configurations = built;
                    lastBuilt = built;
                }
            }
        }
        return built;
    }

    /** True once this deployment has built its configurations (the first request that needed sign-in). */
    static boolean built() {
        return lastBuilt != null;
    }

    /**
     * The realm's end-session endpoint as its discovery document names it (the browser-facing address,
     * which may differ from the provider URL the server uses), once the UI configuration exists.
     */
    static Optional<String> endSessionEndpoint() {
        Configurations current = lastBuilt;
        if (current == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(current.ui().getLogoutUrl());
        } catch (RuntimeException e) {
            LOG.warning("OIDC: no end-session endpoint from the discovery document: " + e);
            return Optional.empty();
        }
    }

    private static OidcClientConfiguration build(String json) {
        return OidcClientConfigurationBuilder.build(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private record Configurations(OidcClientConfiguration ui, OidcClientConfiguration api) {
    }
}
