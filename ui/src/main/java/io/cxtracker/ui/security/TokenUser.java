package io.cxtracker.ui.security;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import jakarta.enterprise.inject.Vetoed;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who a token says the caller is: the user name (or, for a service account, its client id), the realm
 * roles this application knows, and the departments from the groups claim ({@code /departments/<code>}).
 * Anything else in the token is ignored: unknown roles, other groups, malformed department codes.
 */
@Vetoed
public record TokenUser(String name, String displayName, Set<Role> roles, Set<DepartmentCode> departments) implements CurrentUser {

    public static final String DEPARTMENT_GROUP_PREFIX = "/departments/";
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    public static final TokenUser ANONYMOUS = new TokenUser("anonymous", "anonymous", Set.of(), Set.of());

    public TokenUser {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        departments = Collections.unmodifiableSet(new LinkedHashSet<>(departments));
    }

    /**
     * @param preferredUsername the {@code preferred_username} claim
     * @param fullName          the {@code name} claim, may be null
     * @param authorizedParty   the {@code azp} claim: the client the token was issued to
     * @param realmRoles        {@code realm_access.roles}
     * @param groups            the {@code groups} claim (full paths)
     */
    public static TokenUser fromClaims(String preferredUsername, String fullName, String authorizedParty,
                                       Collection<String> realmRoles, Collection<String> groups) {
        String name = preferredUsername == null || preferredUsername.isBlank() ? "unknown" : preferredUsername;
        if (name.startsWith(SERVICE_ACCOUNT_PREFIX) && authorizedParty != null && !authorizedParty.isBlank()) {
            name = authorizedParty;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : nonNull(realmRoles)) {
            Role.fromTokenName(role).ifPresent(roles::add);
        }
        Set<DepartmentCode> departments = new LinkedHashSet<>();
        for (String group : nonNull(groups)) {
            departmentOf(group).ifPresent(departments::add);
        }
        String display = fullName == null || fullName.isBlank() ? name : fullName;
        return new TokenUser(name, display, roles, departments);
    }

    /** {@code /departments/support} → {@code support}; deeper or other groups → empty. */
    static Optional<DepartmentCode> departmentOf(String group) {
        if (group == null || !group.startsWith(DEPARTMENT_GROUP_PREFIX)) {
            return Optional.empty();
        }
        String code = group.substring(DEPARTMENT_GROUP_PREFIX.length());
        return DepartmentCode.isValid(code) ? Optional.of(new DepartmentCode(code)) : Optional.empty();
    }

    private static <T> Collection<T> nonNull(Collection<T> values) {
        return values == null ? Set.of() : values;
    }
}
