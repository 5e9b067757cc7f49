package io.cxtracker.domain.security;

import io.cxtracker.domain.shared.DepartmentCode;
import java.util.LinkedHashSet;
import java.util.Set;

/** Callers for the services' unit tests: a name, realm roles and the departments the user belongs to. */
public final class TestUsers {
    private TestUsers() {
    }

    public static CurrentUser of(String name, Set<Role> roles, String... departments) {
        Set<DepartmentCode> codes = new LinkedHashSet<>();
        for (String d : departments) {
            codes.add(new DepartmentCode(d));
        }
        Set<Role> held = Set.copyOf(roles);
        Set<DepartmentCode> memberOf = Set.copyOf(codes);
        return new CurrentUser() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Role> roles() {
                return held;
            }

            @Override
            public Set<DepartmentCode> departments() {
                return memberOf;
            }
        };
    }

    public static CurrentUser executive() {
        return of("exec", Set.of(Role.EXECUTIVE));
    }
}
