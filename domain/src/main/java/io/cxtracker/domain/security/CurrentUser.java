package io.cxtracker.domain.security;

import io.cxtracker.domain.shared.DepartmentCode;
import java.util.Set;

/**
 * Who is asking: user name, realm roles and the departments they belong to. The security layer
 * supplies it (from the token); use-case services decide with it.
 */
public interface CurrentUser {

    /** The user name, or the service account's client id; "anonymous" when nobody signed in. */
    String name();

    Set<Role> roles();

    /** Codes of the departments the user is a member of (Keycloak groups /departments/&lt;code&gt;). */
    Set<DepartmentCode> departments();

    default boolean isAuthenticated() {
        return !roles().isEmpty() || !"anonymous".equals(name());
    }

    default boolean has(Role role) {
        return roles().contains(role);
    }
}
