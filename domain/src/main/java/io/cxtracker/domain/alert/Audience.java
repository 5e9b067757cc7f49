package io.cxtracker.domain.alert;

import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.DepartmentCode;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who an alert is addressed to: the leads of one department, or everyone holding one realm role. People
 * and their departments live in Keycloak, not here; the token says which audiences a signed-in user
 * belongs to ({@link #of(CurrentUser)}), so an alert reaches whoever leads the department when they look,
 * and a lead who changes departments stops seeing the old department's alerts.
 */
public record Audience(String value) {
    public static final int MAX_LENGTH = 80;
    private static final String LEADS = "leads:";
    private static final String ROLE = "role:";

    public Audience {
        Objects.requireNonNull(value, "value");
        if (!(value.startsWith(LEADS) || value.startsWith(ROLE)) || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not an audience: " + value);
        }
    }

    public static Audience leadsOf(String departmentCode) {
        return new Audience(LEADS + departmentCode);
    }

    public static Audience role(Role role) {
        return new Audience(ROLE + role.tokenName());
    }

    /** The audiences the user is part of: the leads of each of their departments (when a lead), and each role. */
    public static Set<Audience> of(CurrentUser user) {
        Set<Audience> audiences = new LinkedHashSet<>();
        if (user.has(Role.DEPARTMENT_LEAD)) {
            for (DepartmentCode department : user.departments()) {
                audiences.add(leadsOf(department.value()));
            }
        }
        user.roles().forEach(role -> audiences.add(role(role)));
        return audiences;
    }

    @Override
    public String toString() {
        return value;
    }
}
