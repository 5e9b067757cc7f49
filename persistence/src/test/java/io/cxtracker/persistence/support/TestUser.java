package io.cxtracker.persistence.support;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import java.util.Arrays;
import java.util.Set;

/** A signed-in user as the security layer would supply it. */
public record TestUser(String name, Set<Role> roles, Set<DepartmentCode> departments) implements CurrentUser {

    public static TestUser programAdmin() {
        return new TestUser("ada-admin", Set.of(Role.PROGRAM_ADMIN), Set.of());
    }

    public static TestUser ingestClient() {
        return new TestUser("survey-tool", Set.of(Role.METRICS_INGEST), Set.of());
    }

    public static TestUser leadOf(DepartmentCode... departments) {
        return new TestUser("lee-lead", Set.of(Role.DEPARTMENT_LEAD), Set.copyOf(Arrays.asList(departments)));
    }
}
