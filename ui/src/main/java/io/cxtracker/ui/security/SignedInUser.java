package io.cxtracker.ui.security;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;
import org.wildfly.security.http.oidc.RealmAccessClaim;

/**
 * The real {@link CurrentUser}: read once per request from the token WildFly's OIDC client verified,
 * for UI requests (session) and API requests (bearer token) alike. The use-case services in the domain
 * get it injected and decide with it. Without a verified token the caller is anonymous and may write
 * nothing.
 */
@RequestScoped
public class SignedInUser implements CurrentUser {

    @Inject
    HttpServletRequest request;

    private TokenUser user = TokenUser.ANONYMOUS;
    private String idToken;

    @PostConstruct
    void readToken() {
        OidcSecurityContext context = securityContext(request);
        if (context == null || context.getToken() == null) {
            return;
        }
        AccessToken token = context.getToken();
        RealmAccessClaim realmAccess = token.getRealmAccessClaim();
        List<String> roles = realmAccess == null ? List.of() : realmAccess.getRoles();
        List<String> groups = token.hasClaim("groups") ? token.getStringListClaimValue("groups") : List.of();
        user = TokenUser.fromClaims(token.getPreferredUsername(), token.getName(), token.getClaimValueAsString("azp"), roles, groups);
        idToken = context.getIDTokenString();
    }

    /** The verified OIDC context of a request, or null when nobody is signed in. */
    static OidcSecurityContext securityContext(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        Principal principal = request.getUserPrincipal();
        if (principal instanceof OidcPrincipal<?> oidc) {
            return oidc.getOidcSecurityContext();
        }
        Object attribute = request.getAttribute(OidcSecurityContext.class.getName());
        return attribute instanceof OidcSecurityContext context ? context : null;
    }

    @Override
    public String name() {
        return user.name();
    }

    /** The full name from the token, else the user name. */
    public String displayName() {
        return user.displayName();
    }

    @Override
    public Set<Role> roles() {
        return user.roles();
    }

    @Override
    public Set<DepartmentCode> departments() {
        return user.departments();
    }

    /** The raw ID token of a UI session (for logout's id_token_hint), or null. */
    String idToken() {
        return idToken;
    }
}
